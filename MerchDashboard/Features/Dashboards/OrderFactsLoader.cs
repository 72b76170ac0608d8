using MerchDashboard.Data;
using MerchDashboard.Data.Entities;
using MerchDashboard.Engine.Metrics;
using MerchDashboard.Features.Serving;
using Microsoft.EntityFrameworkCore;

namespace MerchDashboard.Features.Dashboards;

/// <summary>
/// Builds <see cref="OrderFacts"/> with two streamed projection queries (orders, then their lines, both in order
/// id order, merged in one pass); categories and customer ids come from the snapshot.
/// </summary>
public sealed class OrderFactsLoader(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<OrderFacts> LoadAsync(StoreSnapshot snapshot, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var orders = await db.Orders.AsNoTracking().OrderBy(o => o.Id)
            .Select(o => new { o.Id, o.CustomerId, o.PlacedAt, o.Arm, o.Revenue, o.Units })
            .ToListAsync(ct);
        var summaries = new List<OrderSummary>(orders.Count);
        var next = 0;
        var products = new List<int>();
        decimal crossSell = 0, personalized = 0;
        void Flush(int upTo)
        {
            for (; next < upTo; next++)
            {
                var o = orders[next];
                summaries.Add(new OrderSummary(o.Id, o.CustomerId, DateTime.SpecifyKind(o.PlacedAt, DateTimeKind.Utc), (Arm)(int)o.Arm,
                    o.Revenue, o.Units, crossSell, [.. products.Distinct()], personalized));
                products.Clear();
                (crossSell, personalized) = (0, 0);
            }
        }
        var lines = db.OrderLines.AsNoTracking().OrderBy(l => l.OrderId)
            .Select(l => new { l.OrderId, l.ProductId, l.Quantity, l.UnitPrice, l.Source }).AsAsyncEnumerable();
        await foreach (var line in lines.WithCancellation(ct))
        {
            while (next < orders.Count && orders[next].Id < line.OrderId)
            {
                Flush(next + 1);
            }
            products.Add(line.ProductId);
            crossSell += line.Source == LineSource.CrossSell ? line.Quantity * line.UnitPrice : 0;
            personalized += line.Source == LineSource.Personalized ? line.Quantity * line.UnitPrice : 0;
        }
        Flush(orders.Count);
        return new OrderFacts(summaries, ProductCategories(snapshot), CategoryOptions(snapshot),
            snapshot.CustomerIdsByExternalId.ToDictionary(c => c.Value, c => c.Key));
    }

    private static Dictionary<int, (int, int?)> ProductCategories(StoreSnapshot snapshot) =>
        snapshot.Catalog.Products.Values.ToDictionary(p => p.Id, p => (p.CategoryId, p.DepartmentId));

    /// <summary>Departments by name, each followed by its leaves by name.</summary>
    private static List<CategoryOption> CategoryOptions(StoreSnapshot snapshot)
    {
        var catalog = snapshot.Catalog;
        var leaves = catalog.Products.Values.Select(p => (Leaf: p.CategoryId, p.DepartmentId)).Distinct().ToList();
        var result = new List<CategoryOption>();
        foreach (var department in leaves.Where(l => l.DepartmentId is not null).Select(l => l.DepartmentId!.Value).Distinct()
                     .OrderBy(catalog.CategoryName, StringComparer.CurrentCulture))
        {
            result.Add(new CategoryOption(department, catalog.CategoryName(department), null));
            result.AddRange(leaves.Where(l => l.DepartmentId == department).Select(l => new CategoryOption(l.Leaf, catalog.CategoryName(l.Leaf), department))
                .OrderBy(c => c.Name, StringComparer.CurrentCulture));
        }
        result.AddRange(leaves.Where(l => l.DepartmentId is null).Select(l => new CategoryOption(l.Leaf, catalog.CategoryName(l.Leaf), null))
            .OrderBy(c => c.Name, StringComparer.CurrentCulture));
        return result;
    }
}
