using MerchDashboard.Data.Entities;

namespace MerchDashboard.Data.Import.Cleaning;

/// <summary>A product line of a cleaned order; cancellations have already been subtracted from its quantity.</summary>
public sealed class CleanLine(long line, string sku, int quantity, decimal unitPrice, LineSource source)
{
    public long Line { get; } = line;
    public string Sku { get; } = sku;
    public int Quantity { get; set; } = quantity;
    public decimal UnitPrice { get; } = unitPrice;
    public LineSource Source { get; } = source;
    public decimal Amount => Quantity * UnitPrice;
}

/// <summary>An order after cleaning: product lines only, net of its cancellations.</summary>
public sealed class CleanOrder(string orderId, string customerKey, DateTime placedAt, long firstLine)
{
    public string OrderId { get; } = orderId;
    public string CustomerKey { get; } = customerKey;
    public DateTime PlacedAt { get; } = placedAt;
    public long FirstLine { get; } = firstLine;
    public List<CleanLine> Lines { get; } = [];

    /// <summary>Too many distinct products to be a shopper's basket (<see cref="ImportOptions.MaxMiningOrderLines"/>).</summary>
    public bool ExcludedFromMining { get; set; }

    public decimal Revenue => Lines.Sum(l => l.Amount);
    public int Units => Lines.Sum(l => l.Quantity);
}

/// <summary>What the order lines say about a product not yet in the catalog.</summary>
public sealed record ProductSeed(string Sku, string Name, string Category, decimal MostCommonPrice, long FirstLine);

/// <summary>The orders of a file after cleaning, the products they name, and the report of what the cleaning did.</summary>
public sealed record CleanedOrders(IReadOnlyList<CleanOrder> Orders, IReadOnlyDictionary<string, ProductSeed> Products, CleaningTally Tally);
