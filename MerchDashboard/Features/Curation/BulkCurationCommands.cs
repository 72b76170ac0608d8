using MerchDashboard.Features.Serving;
using static MerchDashboard.Features.Curation.CurationChange;

namespace MerchDashboard.Features.Curation;

public sealed record BulkResult(int Done, IReadOnlyList<string> Refused);

/// <summary>
/// Lock or unlock many lists at once, one audited change per list. Locking freezes the list as composed
/// now for an anonymous shopper; unlocking gives each list back its pre-lock composition (its overrides
/// untouched). Each list is read at its current version, so a concurrent edit wins.
/// </summary>
public sealed class BulkCurationCommands(CurationCommands commands, StoreSnapshotService snapshots, TimeProvider time)
{
    public Task<BulkResult> LockAsync(IEnumerable<int> anchorIds, string user, CancellationToken ct = default) =>
        ForEachAsync(anchorIds, async (id, current) =>
        {
            var snapshot = snapshots.Current;
            var slots = RecommendationService.DefaultSlotsOf(snapshot);
            var lockChange = ListStates.LockAsShown(snapshot, id, current.State, time.GetUtcNow().UtcDateTime, slots, topN: null);
            return await commands.ApplyAsync(id, current.Version, lockChange, user, slots, ct);
        }, ct);

    public Task<BulkResult> UnlockAsync(IEnumerable<int> anchorIds, string user, CancellationToken ct = default) =>
        ForEachAsync(anchorIds, (id, current) => commands.ApplyAsync(id, current.Version, new UnlockList(), user, ct), ct);

    private async Task<BulkResult> ForEachAsync(IEnumerable<int> anchorIds, Func<int, VersionedList, Task<CurationResult>> apply, CancellationToken ct)
    {
        var done = 0;
        var refused = new List<string>();
        foreach (var id in anchorIds.Distinct())
        {
            var result = await apply(id, await commands.GetAsync(id, ct));
            if (result.Succeeded)
            {
                done++;
            }
            else
            {
                var sku = snapshots.Current.Product(id)?.Sku ?? $"#{id}";
                refused.Add($"{sku}: {result.Error}");
            }
        }
        return new BulkResult(done, refused);
    }
}
