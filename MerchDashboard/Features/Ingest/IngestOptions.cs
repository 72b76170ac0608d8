using System.ComponentModel.DataAnnotations;

namespace MerchDashboard.Features.Ingest;

/// <summary>
/// Budgets of the catalog and orders API (section <c>Ingest</c>, validated at start-up). A call over a budget is
/// refused whole with a 400 naming the budget; nothing of it is written.
/// </summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    /// <summary>Products in one <c>PUT /api/v1/catalog/products</c>.</summary>
    [Range(1, 10_000)]
    public int MaxProductsPerCall { get; set; } = 1_000;

    /// <summary>Orders in one <c>POST /api/v1/orders</c>.</summary>
    [Range(1, 10_000)]
    public int MaxOrdersPerCall { get; set; } = 1_000;

    /// <summary>Order lines in one <c>POST /api/v1/orders</c>, all orders together: what one call may hold in memory.</summary>
    [Range(1, 1_000_000)]
    public int MaxOrderLinesPerCall { get; set; } = 20_000;
}
