namespace MerchDashboard.Features.Serving;

/// <summary>
/// When the storefront's lists may change while the snapshot stays: at the start of each UTC day and at every
/// override's start or expiry. <see cref="At"/> gives the as-of instant lists are composed for, the latest of the
/// snapshot's load time, the start of the current UTC day and the last such override instant that has passed, and
/// the instant it holds until. No override window opens or closes between that as-of and now, so a list composed
/// as of it is exactly the list composed as of now, and every request in between gets the same list (and may
/// share one composed for the first). Built once per snapshot.
/// </summary>
public sealed class ServingTimeline
{
    private readonly DateTime[] _changes;
    private readonly DateTime _loadedAt;

    private ServingTimeline(DateTime[] changes, DateTime loadedAt)
    {
        _changes = changes;
        _loadedAt = loadedAt;
    }

    public static ServingTimeline Of(StoreSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var changes = new SortedSet<DateTime>();
        foreach (var entry in snapshot.Curation.Values)
        {
            foreach (var item in entry.State.Overrides)
            {
                AddIfSet(changes, item.StartsAt);
                AddIfSet(changes, item.ExpiresAt);
            }
        }
        return new ServingTimeline([.. changes], snapshot.LoadedAt);
    }

    /// <summary>The as-of instant for a request at <paramref name="now"/> (UTC), and the first instant after now at which it changes.</summary>
    public ServedInstant At(DateTime now)
    {
        var day = now.Date;
        var asOf = day;
        if (_loadedAt <= now && _loadedAt > asOf)
        {
            asOf = _loadedAt;
        }
        var until = day.AddDays(1);
        if (_loadedAt > now && _loadedAt < until)
        {
            until = _loadedAt;
        }
        var next = UpperBound(now);
        if (next > 0 && _changes[next - 1] > asOf)
        {
            asOf = _changes[next - 1];
        }
        if (next < _changes.Length && _changes[next] < until)
        {
            until = _changes[next];
        }
        return new ServedInstant(DateTime.SpecifyKind(asOf, DateTimeKind.Utc), DateTime.SpecifyKind(until, DateTimeKind.Utc));
    }

    /// <summary>Index of the first change after <paramref name="now"/>.</summary>
    private int UpperBound(DateTime now)
    {
        var (low, high) = (0, _changes.Length);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_changes[middle] <= now)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }

    private static void AddIfSet(SortedSet<DateTime> changes, DateTime? instant)
    {
        if (instant is { } value)
        {
            changes.Add(value);
        }
    }
}

/// <summary>The as-of instant lists are composed for, valid for requests before <see cref="Until"/> (exclusive).</summary>
public readonly record struct ServedInstant(DateTime AsOf, DateTime Until);
