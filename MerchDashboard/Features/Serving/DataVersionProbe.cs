using MerchDashboard.Data;
using MerchDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace MerchDashboard.Features.Serving;

/// <summary>
/// What the serving snapshot depends on, in five tiny queries: the curated lists' count and version sum,
/// the current mining run, the stamp imports bump and the stamp complement-rule changes bump.
/// </summary>
public sealed record DataVersion(int CuratedLists, long CurationVersionSum, int? MiningRunId, string DataStamp, string RulesStamp);

/// <summary>
/// Reads <see cref="DataVersion"/> and bumps the data stamp. Several instances on one database each
/// poll this once a second and reload their snapshot when it moved: cheap on every provider, where
/// PostgreSQL's LISTEN/NOTIFY would not reach SQLite (docs/deployment.md).
/// </summary>
public sealed class DataVersionProbe(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    public const string DataStampKey = "data.version";
    public const string RulesStampKey = "rules.version";

    public async Task<DataVersion> ReadAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lists = await db.CuratedLists.CountAsync(ct);
        var versions = await db.CuratedLists.SumAsync(l => (long)l.Version, ct);
        var run = await db.MiningRuns.Where(r => r.IsCurrent).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
        var stamps = await db.AppSettings.Where(s => s.Key == DataStampKey || s.Key == RulesStampKey).ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        return new DataVersion(lists, versions, run, stamps.GetValueOrDefault(DataStampKey, ""), stamps.GetValueOrDefault(RulesStampKey, ""));
    }

    /// <summary>Marks the catalog and orders as changed, so other instances reload everything.</summary>
    public Task<string> BumpDataStampAsync(CancellationToken ct = default) => BumpAsync(DataStampKey, ct);

    /// <summary>Marks the complement rules as changed, so other instances re-read them.</summary>
    public Task<string> BumpRulesStampAsync(CancellationToken ct = default) => BumpAsync(RulesStampKey, ct);

    private async Task<string> BumpAsync(string key, CancellationToken ct)
    {
        var stamp = Guid.NewGuid().ToString("N");
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var updated = await db.AppSettings.Where(s => s.Key == key)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Value, stamp).SetProperty(x => x.UpdatedAt, now), ct);
        if (updated == 0)
        {
            db.AppSettings.Add(new AppSetting { Key = key, Value = stamp, UpdatedAt = now, UpdatedBy = "" });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another instance inserted it first: its stamp is as new as ours.
            }
        }
        return stamp;
    }

    /// <summary>The parts of <paramref name="version"/> a loaded snapshot already reflects.</summary>
    public static bool CurationMatches(StoreSnapshot snapshot, DataVersion version) =>
        snapshot.Curation.Count == version.CuratedLists && snapshot.Curation.Values.Sum(e => (long)e.Version) == version.CurationVersionSum;
}
