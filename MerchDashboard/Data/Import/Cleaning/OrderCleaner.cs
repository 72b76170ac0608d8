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
    private readonly NonProductRule _nonProduct = new(options);
    private readonly HashSet<string> _variants = new(StringComparer.Ordinal);

    public CleanedOrders Clean(IEnumerable<OrderRow> rows, bool zeroPriceIsNoise, CleaningTally tally)
    {
        var spellings = new Dictionary<string, string>(options.SkusIgnoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        var orders = new Dictionary<string, CleanOrder>(StringComparer.Ordinal);
        var returns = new List<OrderRow>();
        var seeds = new Dictionary<string, SeedBuilder>(StringComparer.Ordinal);
        foreach (var raw in rows)
        {
            var row = raw with { Sku = Canonical(raw, spellings, tally) };
            if (_nonProduct.Matches(row.Sku, row.ProductName))
            {
                tally.Add(CleaningKinds.NonProduct, row.Line, $"{row.Sku} {row.ProductName}: {row.Quantity} x {Money(row.UnitPrice)} in order {row.OrderId}",
                    row.Quantity, row.Quantity * row.UnitPrice);
                continue;
            }
            if (row.UnitPrice < 0 || (row.UnitPrice == 0 && zeroPriceIsNoise))
            {
                tally.Add(CleaningKinds.NonPositivePrice, row.Line, $"{row.Sku} {row.ProductName}: unit price {Money(row.UnitPrice)} in order {row.OrderId}", row.Quantity);
                continue;
            }
            if (row.IsReturn)
            {
                returns.Add(row);
                continue;
            }
            if (!orders.TryGetValue(row.OrderId, out var order))
            {
                orders[row.OrderId] = order = new CleanOrder(row.OrderId, row.CustomerKey, row.PlacedAt, row.Line);
            }
            order.Lines.Add(new CleanLine(row.Line, row.Sku, row.Quantity, row.UnitPrice, row.Source));
            if (!seeds.TryGetValue(row.Sku, out var seed))
            {
                seeds[row.Sku] = seed = new SeedBuilder(row.Sku, row.Line);
            }
            seed.Add(row);
        }
        new ReturnMatcher(orders.Values, tally).Apply(returns);
        var kept = new List<CleanOrder>(orders.Count);
        foreach (var order in orders.Values)
        {
            order.Lines.RemoveAll(l => l.Quantity == 0);
            if (order.Lines.Count == 0)
            {
                tally.Add(CleaningKinds.OrderFullyCancelled, order.FirstLine, $"order {order.OrderId}");
                continue;
            }
            var distinct = order.Lines.Select(l => l.Sku).Distinct(StringComparer.Ordinal).Count();
            if (distinct > options.MaxMiningOrderLines)
            {
                order.ExcludedFromMining = true;
                tally.Add(CleaningKinds.LargeOrder, order.FirstLine,
                    $"order {order.OrderId}: {distinct:N0} products{(order.CustomerKey.Length == 0 ? ", no customer" : "")}", order.Units, order.Revenue);
            }
            kept.Add(order);
        }
        return new CleanedOrders(kept, seeds.ToDictionary(p => p.Key, p => p.Value.Build(), StringComparer.Ordinal), tally);
    }

    private string Canonical(OrderRow row, Dictionary<string, string> spellings, CleaningTally tally)
    {
        if (!spellings.TryGetValue(row.Sku, out var first))
        {
            spellings[row.Sku] = row.Sku;
            return row.Sku;
        }
        if (!string.Equals(first, row.Sku, StringComparison.Ordinal) && _variants.Add(row.Sku))
        {
            tally.Add(CleaningKinds.SkuSpelling, row.Line, $"{row.Sku} is {first}");
        }
        return first;
    }

    internal static string Money(decimal value) => value.ToString("0.00##", CultureInfo.InvariantCulture);

    private sealed class SeedBuilder(string sku, long firstLine)
    {
        private readonly Dictionary<decimal, int> _prices = [];
        private readonly List<decimal> _pricesInOrder = [];
        private string _name = "", _category = "";

        public void Add(OrderRow row)
        {
            if (_prices.TryGetValue(row.UnitPrice, out var count))
            {
                _prices[row.UnitPrice] = count + 1;
            }
            else
            {
                _prices[row.UnitPrice] = 1;
                _pricesInOrder.Add(row.UnitPrice);
            }
            _name = _name.Length == 0 ? row.ProductName : _name;
            _category = _category.Length == 0 ? row.Category : _category;
        }

        public ProductSeed Build()
        {
            var best = _pricesInOrder[0];
            foreach (var price in _pricesInOrder)
            {
                if (_prices[price] > _prices[best])
                {
                    best = price;
                }
            }
            return new ProductSeed(sku, _name, _category, best, firstLine);
        }
    }
}
