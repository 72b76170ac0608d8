using System.Globalization;
using MerchDashboard.Data;
using MerchDashboard.Data.Export;
using MerchDashboard.Data.Import;
using MerchDashboard.Features.Serving;
using Microsoft.EntityFrameworkCore;

namespace MerchDashboard.Features.Data;

/// <summary>
/// The CSV exports of the Data page. Curated lists and overrides use the import layout
/// (seed-data/curated-lists.csv and curated-overrides.csv), so an export imports back as it was.
/// </summary>
public sealed class DataExports(IDbContextFactory<AppDbContext> dbFactory, StoreSnapshotService snapshots, RecommendationService recommendations)
{
    public static readonly string[] FinalListColumns = ["anchor_sku", "slot", "sku", "name", "source", "explanation"];
    public static readonly string[] AuditColumns = ["at", "user", "action", "anchor_sku", "summary", "before", "after"];

    public async Task<string> CuratedListsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lists = await db.CuratedLists.AsNoTracking().OrderBy(l => l.AnchorProduct!.Sku)
            .Select(l => new { l.AnchorProduct!.Sku, l.Mode, l.LockedTopN, l.Note }).ToListAsync(ct);
        return CsvExport.ToText(StoreFormats.CuratedListColumns, lists.Select(l => new[]
        {
            l.Sku, StoreFormats.Name(l.Mode), l.LockedTopN?.ToString(CultureInfo.InvariantCulture), l.Note,
        }));
    }

    public async Task<string> CuratedOverridesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var overrides = await db.CurationOverrides.AsNoTracking()
            .OrderBy(o => o.CuratedList!.AnchorProduct!.Sku).ThenBy(o => o.Kind).ThenBy(o => o.Position).ThenBy(o => o.Id)
            .Select(o => new { Anchor = o.CuratedList!.AnchorProduct!.Sku, o.Kind, o.Product!.Sku, o.Position, o.StartsAt, o.ExpiresAt, o.Note })
            .ToListAsync(ct);
        return CsvExport.ToText(StoreFormats.CuratedOverrideColumns, overrides.Select(o => new[]
        {
            o.Anchor, StoreFormats.Name(o.Kind), o.Sku, o.Position > 0 ? o.Position.ToString(CultureInfo.InvariantCulture) : "",
            Iso(o.StartsAt), Iso(o.ExpiresAt), o.Note,
        }));
    }

    /// <summary>The list a shopper without history sees for every product, as the composer makes it now.</summary>
    public string FinalLists()
    {
        var snapshot = snapshots.Current;
        var rows = new List<string?[]>();
        foreach (var anchor in snapshot.Catalog.Products.Values.OrderBy(p => p.Sku, StringComparer.Ordinal))
        {
            foreach (var slot in recommendations.Compose(anchor.Id).Slots)
            {
                rows.Add([anchor.Sku, slot.Position.ToString(CultureInfo.InvariantCulture), slot.Product.Sku, slot.Product.Name,
                    slot.Source.ToString().ToLowerInvariant(), slot.Explanation]);
            }
        }
        return CsvExport.ToText(FinalListColumns, rows);
    }

    public async Task<string> AuditLogAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct);
        var skus = await db.Products.AsNoTracking().Select(p => new { p.Id, p.Sku }).ToDictionaryAsync(p => p.Id, p => p.Sku, ct);
        return CsvExport.ToText(AuditColumns, entries.Select(a => new[]
        {
            Iso(a.At), a.User, a.Action, a.AnchorProductId is { } id ? skus.GetValueOrDefault(id, "") : "", a.Summary, a.Before, a.After,
        }));
    }

    private static string Iso(DateTime? at) =>
        at is { } value ? DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "";
}
