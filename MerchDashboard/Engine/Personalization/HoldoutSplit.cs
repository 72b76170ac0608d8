namespace MerchDashboard.Engine.Personalization;

/// <summary>A customer's last order, held out: its distinct items (ascending) and those of the order before it.</summary>
public sealed record HeldOutOrder(int CustomerKey, DateTime PlacedAt, IReadOnlyList<int> Items, IReadOnlyList<int> PreviousOrderItems);

/// <summary>
/// Leave-last-order-out split: for every customer with at least two orders (distinct order times), the last
/// order is held out; every other line, including all orders of one-order customers, is training. Anything
/// learned for the evaluation (similarities, best sellers, mined lists) must come from <see cref="Training"/>.
/// </summary>
public sealed record HoldoutSplit(IReadOnlyList<Purchase> Training, IReadOnlyList<HeldOutOrder> HeldOut)
{
    public static HoldoutSplit Create(IEnumerable<Purchase> purchases)
    {
        ArgumentNullException.ThrowIfNull(purchases);
        var training = new List<Purchase>();
        var heldOut = new List<HeldOutOrder>();
        foreach (var customer in purchases.GroupBy(p => p.CustomerKey).OrderBy(g => g.Key))
        {
            var times = customer.Select(p => p.At).Distinct().Order().ToArray();
            if (times.Length < 2)
            {
                training.AddRange(customer);
                continue;
            }

            var last = times[^1];
            var previous = times[^2];
            training.AddRange(customer.Where(p => p.At != last));
            heldOut.Add(new HeldOutOrder(customer.Key, last, ItemsAt(customer, last), ItemsAt(customer, previous)));
        }

        return new HoldoutSplit(training, heldOut);
    }

    private static int[] ItemsAt(IEnumerable<Purchase> lines, DateTime at) =>
        [.. lines.Where(p => p.At == at).Select(p => p.ProductId).Distinct().Order()];
}
