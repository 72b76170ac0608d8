using MerchDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace MerchDashboard.Data;

/// <summary>
/// The stamps every writer bumps in the <see cref="AppSetting"/> table and every instance polls
/// (docs/pipeline.md): a new value means "something of this kind changed, reload it".
/// </summary>
public static class DataStamps
{
    /// <summary>Catalog, customers or orders changed (imports, the orders API): instances reload everything.</summary>
    public const string Data = "data.version";

    /// <summary>Complement rules or category pairings changed: instances re-read those alone.</summary>
    public const string Rules = "rules.version";

    /// <summary>Product rows changed through the catalog API: instances re-read the products alone (cheap).</summary>
    public const string Catalog = "catalog.version";

    /// <summary>A file import asked for mining: every running coordinator mines as soon as it sees a new value.</summary>
    public const string MiningRequested = "mining.requested";

    /// <summary>The highest order id the current mining run read: orders above it are waiting to be mined.</summary>
    public const string MinedThroughOrder = "mining.orders-through";

    /// <summary>
    /// Sets <paramref name="key"/> to a new random value through <paramref name="db"/> (inside the caller's
    /// transaction when there is one) and returns it.
    /// </summary>
    public static Task<string> BumpAsync(AppDbContext db, string key, DateTime now, CancellationToken ct) =>
        SetAsync(db, key, Guid.NewGuid().ToString("N"), now, ct);

    public static async Task<string> SetAsync(AppDbContext db, string key, string value, DateTime now, CancellationToken ct)
    {
        var updated = await db.AppSettings.Where(s => s.Key == key)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Value, value).SetProperty(x => x.UpdatedAt, now), ct);
        if (updated == 0)
        {
            db.AppSettings.Add(new AppSetting { Key = key, Value = value, UpdatedAt = now, UpdatedBy = "" });
            await db.SaveChangesAsync(ct);
        }
        return value;
    }
}
