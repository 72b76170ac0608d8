using System.Globalization;

namespace MerchDashboard.Data.Import.Cleaning;

/// <summary>
/// Cleans the rows of an orders file the same way for every entry point, and tallies each kind of change:
/// <list type="number">
/// <item>SKUs that differ only by letter case are one product (when <see cref="ImportOptions.SkusIgnoreCase"/>): the first spelling is kept.</item>
/// <item>Non-product lines (fees, postage, adjustments; <see cref="NonProductRule"/>) are left out with their amount.</item>
/// <item>Negative prices, and zero prices where the layout uses them for stock adjustments, are left out.</item>
/// <item>Cancellations and returns subtract from the original order's line of the same product when the row names
/// the order (or is in it); otherwise from the same customer's latest earlier orders of that product; what
/// nothing can absorb is reported. Orders left with no line are dropped.</item>
/// <item>Orders with more than <see cref="ImportOptions.MaxMiningOrderLines"/> distinct products are kept but left out of mining.</item>
/// </list>
/// A product met only in orders takes its most common unit price (ties: the first met).
/// </summary>
public sealed class OrderCleaner(ImportOptions options)
{
    private readonly Dictionary<string, CleanOrder> _orders = new(StringComparer.Ordinal);
    private readonly List<OrderRow> _returns = [];
    private readonly Dictionary<string, ProductSeedBuilder> _seeds = new(StringComparer.Ordinal);
    private CleaningTally? _tally;
    private RowScreen? _screen;

    /// <summary>Cleans <paramref name="rows"/> at once: <see cref="Start"/>, <see cref="Add"/> for each row, <see cref="Finish"/>.</summary>
    public CleanedOrders Clean(IEnumerable<OrderRow> rows, bool zeroPriceIsNoise, CleaningTally tally)
    {
        Start(zeroPriceIsNoise, tally);
        foreach (var row in rows)
        {
            Add(row);
        }
        return Finish();
    }

    /// <summary>
    /// Begins a cleaning fed one row at a time, so a reader streaming a file keeps only what cleaning needs (a line per
    /// product line, the returns, a price tally per SKU), never the file's rows. A cleaner cleans one file.
    /// </summary>
    public void Start(bool zeroPriceIsNoise, CleaningTally tally)
    {
        if (_tally is not null)
        {
            throw new InvalidOperationException("An OrderCleaner cleans one file; create another for the next.");
        }
        (_screen, _tally) = (new RowScreen(options, zeroPriceIsNoise), tally);
    }

    public void Add(OrderRow raw)
    {
        var tally = _tally ?? throw new InvalidOperationException("Call Start before Add.");
        if (_screen!.Admit(raw, tally) is not { } row)
        {
            return;
        }
        if (row.IsReturn)
        {
            _returns.Add(row);
            return;
        }
        if (!_orders.TryGetValue(row.OrderId, out var order))
        {
            _orders[row.OrderId] = order = new CleanOrder(row.OrderId, row.CustomerKey, row.PlacedAt, row.Line);
        }
        order.Lines.Add(new CleanLine(row.Line, row.Sku, row.Quantity, row.UnitPrice, row.Source));
        if (!_seeds.TryGetValue(row.Sku, out var seed))
        {
            _seeds[row.Sku] = seed = new ProductSeedBuilder(row.Sku, row.Line);
        }
        seed.Add(row);
    }

    public CleanedOrders Finish()
    {
        var tally = _tally ?? throw new InvalidOperationException("Call Start before Finish.");
        new ReturnMatcher(_orders.Values, tally).Apply(_returns);
        var kept = new List<CleanOrder>(_orders.Count);
        foreach (var order in _orders.Values)
        {
            order.Lines.RemoveAll(l => l.Quantity == 0);
            if (order.Lines.Count == 0)
            {
                tally.Add(CleaningKinds.OrderFullyCancelled, order.FirstLine, $"order {order.OrderId}");
                continue;
            }
            order.Lines.TrimExcess();
            var distinct = order.Lines.Select(l => l.Sku).Distinct(StringComparer.Ordinal).Count();
            if (distinct > options.MaxMiningOrderLines)
            {
                order.ExcludedFromMining = true;
                tally.Add(CleaningKinds.LargeOrder, order.FirstLine, LargeOrderText(order, distinct), order.Units, order.Revenue);
            }
            kept.Add(order);
        }
        return new CleanedOrders(kept, _seeds.ToDictionary(p => p.Key, p => p.Value.Build(), StringComparer.Ordinal), tally);
    }

    internal static string LargeOrderText(CleanOrder order, int distinct) =>
        $"order {order.OrderId}: {distinct:N0} products{(order.CustomerKey.Length == 0 ? ", no customer" : "")}";

    internal static string Money(decimal value) => value.ToString("0.00##", CultureInfo.InvariantCulture);
}
