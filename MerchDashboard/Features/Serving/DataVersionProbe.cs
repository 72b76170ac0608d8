using MerchDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace MerchDashboard.Features.Serving;

/// <summary>
/// What the serving snapshot depends on, in five tiny queries: the curated lists' count and version sum,
/// the current mining run, the stamp imports bump and the stamp complement-rule changes bump; and the stamp
/// the catalog API bumps (<see cref="CatalogStamp"/>), after which only the products are re-read.
/// </summary>
public sealed record DataVersion(int CuratedLists, long CurationVersionSum, int? MiningRunId, string DataStamp, string RulesStamp)
{
    public string CatalogStamp { get; init; } = "";
}

/// <summary>
/// Reads <see cref="DataVersion"/> and bumps the data stamp. Several instances on one database each
/// poll this once a second and reload their snapshot when it moved: cheap on every provider, where
/// PostgreSQL's LISTEN/NOTIFY would not reach SQLite (docs/deployment.md).
/// </summary>
public sealed class DataVersionProbe(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    public const string DataStampKey = DataStamps.Data;
    public const string RulesStampKey = DataStamps.Rules;

    public async Task<DataVersion> ReadAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lists = await db.CuratedLists.CountAsync(ct);
        var versions = await db.CuratedLists.SumAsync(l => (long)l.Version, ct);
        var run = await db.MiningRuns.Where(r => r.IsCurrent).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
        var stamps = await db.AppSettings.Where(s => s.Key == DataStampKey || s.Key == RulesStampKey || s.Key == DataStamps.Catalog)
            .ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        return new DataVersion(lists, versions, run, stamps.GetValueOrDefault(DataStampKey, ""), stamps.GetValueOrDefault(RulesStampKey, ""))
        {
            CatalogStamp = stamps.GetValueOrDefault(DataStamps.Catalog, ""),
        };
    }

    /// <summary>Marks the catalog and orders as changed, so other instances reload everything.</summary>
    public Task<string> BumpDataStampAsync(CancellationToken ct = default) => BumpAsync(DataStampKey, ct);

    /// <summary>Marks the complement rules as changed, so other instances re-read them.</summary>
    public Task<string> BumpRulesStampAsync(CancellationToken ct = default) => BumpAsync(RulesStampKey, ct);

    /// <summary>Marks product rows as changed by the catalog API, so every instance re-reads the products.</summary>
    public Task<string> BumpCatalogStampAsync(CancellationToken ct = default) => BumpAsync(DataStamps.Catalog, ct);

    private async Task<string> BumpAsync(string key, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        try
        {
            return await DataStamps.BumpAsync(db, key, time.GetUtcNow().UtcDateTime, ct);
        }
        catch (DbUpdateException)
        {
            // Another instance inserted the key first: its stamp is as new as ours.
            return "";
        }
    }

    /// <summary>The parts of <paramref name="version"/> a loaded snapshot already reflects.</summary>
    public static bool CurationMatches(StoreSnapshot snapshot, DataVersion version) =>
        snapshot.Curation.Count == version.CuratedLists && snapshot.Curation.Values.Sum(e => (long)e.Version) == version.CurationVersionSum;
}
