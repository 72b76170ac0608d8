using MerchDashboard.Data.Import.Cleaning;

namespace MerchDashboard.Data.Import.Streaming;

/// <summary>
/// The first reading of a streamed orders file, after every row is parsed and checked: a summary per order, the
/// returns, and what each SKU's lines say about it; the screen's tallies (SKU spellings merged, fee lines and
/// non-positive prices left out) are counted here, once.
/// </summary>
internal sealed class OrderCensus(ImportOptions options, CleaningTally tally)
{
    private RowScreen? _screen;

    public Dictionary<string, OrderSummary> ById { get; } = new(StringComparer.Ordinal);

    /// <summary>The orders in the order of their first lines.</summary>
    public List<OrderSummary> InOrder { get; } = [];

    /// <summary>The cancellation and return rows, in file order.</summary>
    public List<OrderRow> Returns { get; } = [];

    public Dictionary<string, ProductSeedBuilder> Seeds { get; } = new(StringComparer.Ordinal);

    public Action<OrderRow> Start(bool zeroPriceIsNoise)
    {
        _screen = new RowScreen(options, zeroPriceIsNoise);
        return Add;
    }

    private void Add(OrderRow raw)
    {
        if (_screen!.Admit(raw, tally) is not { } row)
        {
            return;
        }
        if (row.IsReturn)
        {
            Returns.Add(row);
            return;
        }
        if (!ById.TryGetValue(row.OrderId, out var summary))
        {
            summary = new OrderSummary(InOrder.Count, new CleanOrder(row.OrderId, row.CustomerKey, row.PlacedAt, row.Line));
            ById[row.OrderId] = summary;
            InOrder.Add(summary);
        }
        summary.LastLine = row.Line;
        summary.RawLines++;
        summary.RawUnits += row.Quantity;
        summary.RawRevenue += row.Quantity * row.UnitPrice;
        if (!Seeds.TryGetValue(row.Sku, out var seed))
        {
            Seeds[row.Sku] = seed = new ProductSeedBuilder(row.Sku, row.Line);
        }
        seed.Add(row);
    }
}
