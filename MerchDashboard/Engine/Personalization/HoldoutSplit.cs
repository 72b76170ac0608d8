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
        var lines = purchases.ToArray();
        Array.Sort(lines, (x, y) => x.CustomerKey != y.CustomerKey ? x.CustomerKey.CompareTo(y.CustomerKey) : x.At.CompareTo(y.At));
        var training = new List<Purchase>(lines.Length);
        var heldOut = new List<HeldOutOrder>();
        for (var first = 0; first < lines.Length;)
        {
            var end = first;
            while (end < lines.Length && lines[end].CustomerKey == lines[first].CustomerKey)
            {
                end++;
            }

            var lastStart = OrderStart(lines, first, end - 1);
            if (lastStart == first)
            {
                training.AddRange(lines.AsSpan(first, end - first));
            }
            else
            {
                var previousStart = OrderStart(lines, first, lastStart - 1);
                training.AddRange(lines.AsSpan(first, lastStart - first));
                heldOut.Add(new HeldOutOrder(
                    lines[first].CustomerKey, lines[lastStart].At, Items(lines, lastStart, end), Items(lines, previousStart, lastStart)));
            }

            first = end;
        }

        return new HoldoutSplit(training, heldOut);
    }

    /// <summary>The first index of the order (same time) that contains index <paramref name="last"/>.</summary>
    private static int OrderStart(Purchase[] sorted, int first, int last)
    {
        var start = last;
        while (start > first && sorted[start - 1].At == sorted[last].At)
        {
            start--;
        }

        return start;
    }

    private static int[] Items(Purchase[] sorted, int from, int to) =>
        [.. sorted.AsSpan(from, to - from).ToArray().Select(p => p.ProductId).Distinct().Order()];
}
