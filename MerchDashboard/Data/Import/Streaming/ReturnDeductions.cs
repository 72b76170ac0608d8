using MerchDashboard.Data.Import.Cleaning;

namespace MerchDashboard.Data.Import.Streaming;

/// <summary>
/// The second reading of a streamed orders file: holds only the lines a return can subtract from (every line of an
/// order a return names or belongs to, and the lines of a product a returning customer bought), matches the returns
/// against them exactly as <see cref="OrderCleaner"/> does (<see cref="ReturnMatcher"/> over every order, the others
/// with no line), and leaves each order's counts after the subtractions in its <see cref="OrderSummary"/> and the
/// quantities of those lines in <see cref="Quantities"/>.
/// </summary>
internal sealed class ReturnDeductions
{
    private readonly string _fileName;
    private readonly OrderCensus _census;
    private readonly Func<string, bool>? _isUnknownSku;
    private readonly RowScreen _screen;
    private readonly HashSet<string> _namedOrders = new(StringComparer.Ordinal);
    private readonly HashSet<(string Customer, string Sku)> _returnedByCustomer = [];
    private readonly Dictionary<string, HashSet<string>> _openOrders = new(StringComparer.Ordinal);

    /// <summary><paramref name="isUnknownSku"/>, when the catalog is given: whether a SKU is in neither it nor the database (a stored line of it is a problem).</summary>
    public ReturnDeductions(string fileName, OrderCensus census, ImportOptions options, bool zeroPriceIsNoise, Func<string, bool>? isUnknownSku)
    {
        (_fileName, _census, _isUnknownSku, _screen) = (fileName, census, isUnknownSku, new RowScreen(options, zeroPriceIsNoise));
        foreach (var row in census.Returns)
        {
            _namedOrders.Add(row.LinkedOrderId.Length > 0 ? row.LinkedOrderId : row.OrderId);
            if (row.CustomerKey.Length > 0)
            {
                _returnedByCustomer.Add((row.CustomerKey, row.Sku));
            }
        }
    }

    /// <summary>The quantity after subtractions of each line a return could subtract from, by file line; other lines keep theirs.</summary>
    public Dictionary<long, int> Quantities { get; } = [];

    /// <summary>For each SKU, the first line (by order rank, then line) that will be stored as a new order's line.</summary>
    public Dictionary<string, (int Rank, long Line)> FirstStored { get; } = new(StringComparer.Ordinal);

    public void Add(OrderRow raw)
    {
        if (_screen.Admit(raw, null) is not { } row || row.IsReturn)
        {
            return;
        }
        var summary = _census.ById.TryGetValue(row.OrderId, out var known) && row.Line <= known.LastLine && _census.Seeds.ContainsKey(row.Sku)
            ? known : throw new ImportFileChangedException(_fileName);
        var order = summary.Order;
        if (_namedOrders.Contains(order.OrderId) || (order.CustomerKey.Length > 0 && _returnedByCustomer.Contains((order.CustomerKey, row.Sku))))
        {
            order.Lines.Add(new CleanLine(row.Line, row.Sku, row.Quantity, row.UnitPrice, row.Source));
        }
        else
        {
            if (!_openOrders.TryGetValue(order.OrderId, out var skus))
            {
                _openOrders[order.OrderId] = skus = new HashSet<string>(StringComparer.Ordinal);
            }
            skus.Add(row.Sku);
            if (!summary.Duplicate)
            {
                WillBeStored(summary, row.Line, row.Sku);
            }
        }
        if (row.Line == summary.LastLine)
        {
            Close(summary);
        }
    }

    /// <summary>Matches the returns once the file is read, and settles every order's counts.</summary>
    public void Match(CleaningTally tally)
    {
        var before = _census.InOrder.Select(s => (Units: s.Order.Units, s.Order.Revenue)).ToArray();
        new ReturnMatcher(_census.InOrder.Select(s => s.Order), tally).Apply(_census.Returns);
        foreach (var summary in _census.InOrder)
        {
            var candidates = summary.Order.Lines;
            var (unitsBefore, revenueBefore) = before[summary.Rank];
            summary.Units = summary.RawUnits - unitsBefore + summary.Order.Units;
            summary.Revenue = summary.RawRevenue - revenueBefore + summary.Order.Revenue;
            summary.ZeroedLines = candidates.Count(l => l.Quantity == 0);
            var outside = summary.CandidateSkusOutside;
            summary.DistinctSkus = summary.DistinctOutsideCandidates
                + candidates.Where(l => l.Quantity > 0 && outside?.Contains(l.Sku) != true).Select(l => l.Sku).Distinct(StringComparer.Ordinal).Count();
            foreach (var line in candidates.Where(l => l.Quantity > 0 && !summary.Duplicate))
            {
                WillBeStored(summary, line.Line, line.Sku);
            }
            foreach (var line in candidates)
            {
                Quantities[line.Line] = line.Quantity;
            }
            candidates.Clear();
            candidates.TrimExcess();
            summary.CandidateSkusOutside = null;
        }
    }

    private void WillBeStored(OrderSummary summary, long line, string sku)
    {
        if (!FirstStored.TryGetValue(sku, out var first) || (summary.Rank, line).CompareTo(first) < 0)
        {
            FirstStored[sku] = (summary.Rank, line);
        }
        if (_isUnknownSku?.Invoke(sku) == true && (summary.FirstUnknownSku is not { } unknown || line < unknown.Line))
        {
            summary.FirstUnknownSku = (line, sku);
        }
    }

    private void Close(OrderSummary summary)
    {
        var skus = _openOrders.Remove(summary.Order.OrderId, out var open) ? open : new HashSet<string>(StringComparer.Ordinal);
        summary.DistinctOutsideCandidates = skus.Count;
        if (summary.Order.Lines.Count > 0)
        {
            summary.CandidateSkusOutside = [.. summary.Order.Lines.Select(l => l.Sku).Where(skus.Contains)];
        }
    }
}
