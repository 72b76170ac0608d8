namespace MerchDashboard.Data.Import.Cleaning;

/// <summary>
/// Subtracts cancellations and returns from the lines they undo: first the named (or own) order's line of the
/// same product, then the same customer's orders placed no later than the return, latest first.
/// </summary>
internal sealed class ReturnMatcher
{
    private readonly Dictionary<string, CleanOrder> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<CleanOrder>> _byCustomer = new(StringComparer.Ordinal);
    private readonly CleaningTally _tally;

    public ReturnMatcher(IEnumerable<CleanOrder> orders, CleaningTally tally)
    {
        _tally = tally;
        foreach (var order in orders)
        {
            _byId[order.OrderId] = order;
            if (order.CustomerKey.Length > 0)
            {
                if (!_byCustomer.TryGetValue(order.CustomerKey, out var list))
                {
                    _byCustomer[order.CustomerKey] = list = [];
                }
                list.Add(order);
            }
        }
        foreach (var list in _byCustomer.Values)
        {
            list.Sort((a, b) => b.PlacedAt.CompareTo(a.PlacedAt));
        }
    }

    public void Apply(IEnumerable<OrderRow> returns)
    {
        foreach (var row in returns)
        {
            var wanted = -row.Quantity;
            var target = row.LinkedOrderId.Length > 0 ? row.LinkedOrderId : row.OrderId;
            var (left, amount) = _byId.TryGetValue(target, out var linked) ? Subtract(linked, row.Sku, wanted) : (wanted, 0m);
            var what = $"{row.Sku} {row.ProductName}: {row.Quantity} in {row.OrderId}{(row.CustomerKey.Length > 0 ? $" (customer {row.CustomerKey})" : "")}";
            if (left < wanted)
            {
                _tally.Add(CleaningKinds.CancellationLinked, row.Line, $"{what} from order {target}", wanted - left, -amount);
            }
            if (left > 0 && row.CustomerKey.Length > 0 && _byCustomer.TryGetValue(row.CustomerKey, out var history))
            {
                var before = left;
                var netted = 0m;
                foreach (var order in history.Where(o => o.PlacedAt <= row.PlacedAt && o != linked))
                {
                    (left, var part) = Subtract(order, row.Sku, left);
                    netted += part;
                    if (left == 0)
                    {
                        break;
                    }
                }
                if (left < before)
                {
                    _tally.Add(CleaningKinds.CancellationNetted, row.Line, what, before - left, -netted);
                }
            }
            if (left > 0)
            {
                _tally.Add(CleaningKinds.CancellationUnmatched, row.Line,
                    $"{what}: {left:N0} unit(s) match no earlier line{(row.CustomerKey.Length == 0 ? " (no customer)" : "")}", left, -left * row.UnitPrice);
            }
        }
    }

    /// <summary>Takes up to <paramref name="quantity"/> units of the product off the order; the units left to place and the amount taken.</summary>
    private static (int Left, decimal Amount) Subtract(CleanOrder order, string sku, int quantity)
    {
        var amount = 0m;
        foreach (var line in order.Lines)
        {
            if (quantity == 0)
            {
                break;
            }
            if (line.Quantity > 0 && string.Equals(line.Sku, sku, StringComparison.Ordinal))
            {
                var taken = Math.Min(line.Quantity, quantity);
                line.Quantity -= taken;
                quantity -= taken;
                amount += taken * line.UnitPrice;
            }
        }
        return (quantity, amount);
    }
}
