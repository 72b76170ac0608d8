using MerchDashboard.Engine.Catalog;
using MerchDashboard.Engine.Composition;
using MerchDashboard.Features.Serving;

namespace MerchDashboard.Features.Curation;

/// <summary>One product's list as the suggestions table shows it. <see cref="SlotCount"/> counts the composed (anonymous) list's slots.</summary>
public sealed record SuggestionRow(ProductInfo Product, string Category, CurationMode Mode, int LockedTopN, int SlotCount, int MinedCount, IReadOnlyList<CurationAlert> Alerts)
{
    public string Status => ListStates.ModeLabel(Mode, LockedTopN);
}

public sealed record SuggestionFilter(string? Search = null, int? CategoryId = null, CurationMode? Mode = null, AlertKind? Alert = null);

public enum SuggestionSort
{
    /// <summary>Lists with alerts first, then curated and locked ones: what a merchandiser should look at.</summary>
    Attention,
    Sku,
    Name,
    Category,
    Status,
    Slots,
    Alerts,
}

public sealed record SuggestionPage(IReadOnlyList<SuggestionRow> Rows, int TotalCount);

/// <summary>
/// The suggestions table, computed in memory from the current snapshot (every product's list composed
/// anonymously, as of now) and cached in <see cref="SnapshotCache"/> per snapshot version and minute; the
/// page asks for one filtered, sorted page at a time so the browser never receives thousands of rows.
/// </summary>
public sealed class SuggestionQueries(StoreSnapshotService snapshots, TimeProvider time, SnapshotCache cache)
{
    public IReadOnlyList<(int Id, string Name)> Categories()
    {
        var catalog = snapshots.Current.Catalog;
        return [.. catalog.Products.Values.Select(p => p.CategoryId).Distinct()
            .Select(id => (id, catalog.CategoryName(id))).OrderBy(c => c.Item2, StringComparer.CurrentCulture)];
    }

    public SuggestionPage Page(SuggestionFilter filter, SuggestionSort sort, bool descending, int page, int pageSize)
    {
        IEnumerable<SuggestionRow> rows = Rows();
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim();
            rows = rows.Where(r => r.Product.Sku.Contains(term, StringComparison.OrdinalIgnoreCase) || r.Product.Name.Contains(term, StringComparison.OrdinalIgnoreCase));
        }
        if (filter.CategoryId is { } category)
        {
            rows = rows.Where(r => r.Product.CategoryId == category);
        }
        if (filter.Mode is { } mode)
        {
            rows = rows.Where(r => r.Mode == mode);
        }
        if (filter.Alert is { } alert)
        {
            rows = rows.Where(r => r.Alerts.Any(a => a.Kind == alert));
        }
        var matching = Sorted(rows, sort, descending).ToList();
        return new SuggestionPage(matching.Skip(page * pageSize).Take(pageSize).ToList(), matching.Count);
    }

    public IReadOnlyList<SuggestionRow> Rows()
    {
        var snapshot = snapshots.Current;
        var now = time.GetUtcNow().UtcDateTime;
        var minute = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMinute));
        return cache.GetOrCreate(("suggestion-rows", snapshot.Version, minute), () => Compute(snapshot, now));
    }

    private static List<SuggestionRow> Compute(StoreSnapshot snapshot, DateTime now)
    {
        var slots = RecommendationService.DefaultSlotsOf(snapshot);
        return snapshot.Catalog.Products.Values.OrderBy(p => p.Sku, StringComparer.Ordinal).Select(p =>
        {
            var state = snapshot.CurationFor(p.Id).State;
            var composed = snapshot.Compose(p.Id, now, slots, curation: state);
            return new SuggestionRow(p, snapshot.Catalog.CategoryName(p.CategoryId), state.Mode, state.LockedTopN, composed.Slots.Count,
                snapshot.MinedFor(p.Id).Count, CurationAlerts.For(snapshot, state, composed, slots, now));
        }).ToList();
    }

    private static IEnumerable<SuggestionRow> Sorted(IEnumerable<SuggestionRow> rows, SuggestionSort sort, bool descending)
    {
        if (sort == SuggestionSort.Attention)
        {
            return rows.OrderByDescending(r => r.Alerts.Count(a => a.Kind != AlertKind.ShortList))
                .ThenByDescending(r => r.Mode != CurationMode.Auto).ThenBy(r => r.Product.Sku, StringComparer.Ordinal);
        }
        Func<SuggestionRow, IComparable> key = sort switch
        {
            SuggestionSort.Name => r => r.Product.Name,
            SuggestionSort.Category => r => r.Category,
            SuggestionSort.Status => r => r.Mode,
            SuggestionSort.Slots => r => r.SlotCount,
            SuggestionSort.Alerts => r => r.Alerts.Count,
            _ => r => r.Product.Sku,
        };
        var ordered = descending ? rows.OrderByDescending(key) : rows.OrderBy(key);
        return ordered.ThenBy(r => r.Product.Sku, StringComparer.Ordinal);
    }
}
