using MerchDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace MerchDashboard.Features.Home;

/// <summary>The store at a glance, straight from the database.</summary>
public sealed record StoreOverview(
    int Products,
    int ActiveProducts,
    int Categories,
    int Customers,
    int Orders,
    long OrderLines,
    decimal Revenue,
    DateTime? FirstOrder,
    DateTime? LastOrder)
{
    public decimal AverageOrderValue => Orders == 0 ? 0 : Revenue / Orders;
}

public sealed class StoreOverviewQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<StoreOverview> GetAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var products = await db.Products.CountAsync(ct);
        var active = await db.Products.CountAsync(p => p.IsActive, ct);
        var categories = await db.Categories.CountAsync(c => c.ParentId != null, ct);
        var customers = await db.Customers.CountAsync(ct);
        var orders = await db.Orders.CountAsync(ct);
        var lines = await db.OrderLines.LongCountAsync(ct);
        // SQLite cannot SUM a decimal stored as TEXT in SQL; the per-order totals are summed here.
        var revenue = (await db.Orders.Select(o => o.Revenue).ToListAsync(ct)).Sum();
        var first = orders == 0 ? (DateTime?)null : await db.Orders.MinAsync(o => o.PlacedAt, ct);
        var last = orders == 0 ? (DateTime?)null : await db.Orders.MaxAsync(o => o.PlacedAt, ct);
        return new StoreOverview(products, active, categories, customers, orders, lines, revenue, first, last);
    }
}
