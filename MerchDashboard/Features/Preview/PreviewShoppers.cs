using MerchDashboard.Data;
using MerchDashboard.Engine.Catalog;
using MerchDashboard.Engine.Personalization;
using MerchDashboard.Features.Serving;
using MerchDashboard.Features.Store;
using Microsoft.EntityFrameworkCore;

namespace MerchDashboard.Features.Preview;

/// <summary>
/// Finds customers and turns a <see cref="ShopperChoice"/> into a profile over the current snapshot. Personas are
/// written for the demo store's catalog, so they are offered only while the demo store is loaded
/// (<see cref="StoreSettings.IsDemoStore"/>); on another store a persona choice previews a new visitor.
/// </summary>
public sealed class PreviewShoppers(StoreSnapshotService snapshots, IDbContextFactory<AppDbContext> dbFactory, StoreSettings storeSettings)
{
    public const int SearchLimit = 20;
    private const int HistoryShown = 8;

    public IReadOnlyList<PersonaDefinition> Personas => storeSettings.IsDemoStore ? PersonaCatalog.All : [];

    public bool OffersPersonas => storeSettings.IsDemoStore;

    /// <summary>Customers whose external id or name contains the text (case-insensitive), at most 20, by external id.</summary>
    public async Task<IReadOnlyList<CustomerOption>> SearchCustomersAsync(string? text, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Customers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = $"%{Escape(text.Trim())}%";
            query = query.Where(c => EF.Functions.Like(c.ExternalId, pattern, "\\") || EF.Functions.Like(c.Name, pattern, "\\"));
        }
        return await query.OrderBy(c => c.ExternalId).Take(SearchLimit)
            .Select(c => new CustomerOption(c.ExternalId, c.Name, c.City)).ToListAsync(ct);
    }

    /// <summary>Products whose name or SKU contains the text, best sellers first, at most 20.</summary>
    public IReadOnlyList<ProductInfo> SearchProducts(string? text) => SearchProducts(snapshots.Current, text);

    public static IReadOnlyList<ProductInfo> SearchProducts(StoreSnapshot snapshot, string? text)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var rank = snapshot.Personalization.BestSellers.Select((id, r) => (id, r)).ToDictionary(x => x.id, x => x.r);
        var matches = snapshot.Catalog.Products.Values.Where(p => string.IsNullOrWhiteSpace(text)
            || p.Name.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase) || p.Sku.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase));
        return [.. matches.OrderBy(p => rank.GetValueOrDefault(p.Id, int.MaxValue)).ThenBy(p => p.Sku, StringComparer.Ordinal).Take(SearchLimit)];
    }

    public PreviewShopper Build(ShopperChoice choice, DateTime asOf) =>
        Build(snapshots.Current, choice is ShopperChoice.Persona && !OffersPersonas ? ShopperChoice.NewVisitor : choice, asOf);

    public static PreviewShopper Build(StoreSnapshot snapshot, ShopperChoice choice, DateTime asOf)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var model = snapshot.Personalization;
        switch (choice)
        {
            case ShopperChoice.Persona { Key: var key } when PersonaCatalog.Find(key) is { } persona:
                var history = PersonaCatalog.Build(persona, model.Catalog, model.BestSellers, asOf);
                return Shopper(snapshot, choice, persona.Name, persona.Description,
                    ShopperProfileBuilder.ForPersona(history, asOf, model), history.Purchases);
            case ShopperChoice.Customer customer:
                var lines = snapshot.CustomerIdsByExternalId.TryGetValue(customer.ExternalId, out var id)
                    && snapshot.PurchasesByCustomer.TryGetValue(id, out var purchases) ? purchases : [];
                var profile = ShopperProfileBuilder.Build($"customer {customer.ExternalId}", lines, asOf, model);
                var bought = lines.Count(l => l.At <= asOf);
                return Shopper(snapshot, choice, $"{customer.Name} ({customer.ExternalId})",
                    $"A real customer: {bought} order lines up to the as-of date.", profile, lines);
            case ShopperChoice.HandPicked picked:
                return Shopper(snapshot, choice, "Hand-built history", picked.ProductIds.Count == 1 ? "Bought the chosen product on the as-of date." : $"Bought {picked.ProductIds.Count} chosen products on the as-of date.",
                    ShopperProfileBuilder.FromHandPicked(picked.ProductIds, asOf, model),
                    [.. picked.ProductIds.Select(p => new Purchase(0, p, asOf, 1))]);
            default:
                return Shopper(snapshot, ShopperChoice.NewVisitor, PersonaCatalog.NewVisitor.Name, PersonaCatalog.NewVisitor.Description,
                    ShopperProfileBuilder.Empty(model), []);
        }

        PreviewShopper Shopper(StoreSnapshot s, ShopperChoice c, string label, string description, ShopperProfile profile, IEnumerable<Purchase> lines) =>
            new(c, label, description, profile, [.. lines.Where(l => l.At <= asOf).OrderByDescending(l => l.At).Select(l => l.ProductId)
                .Distinct().Select(s.Product).OfType<ProductInfo>().Take(HistoryShown)]);
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
