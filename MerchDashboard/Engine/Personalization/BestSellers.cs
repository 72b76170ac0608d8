namespace MerchDashboard.Engine.Personalization;

/// <summary>
/// Best sellers of a purchase history: products ranked by the number of lines that bought them (one line per
/// product per order, so the number of orders containing it), then by units, then by product id.
/// </summary>
public static class BestSellers
{
    public static IReadOnlyList<int> Rank(IEnumerable<Purchase> purchases)
    {
        ArgumentNullException.ThrowIfNull(purchases);
        var tally = new Dictionary<int, (int Lines, long Units)>();
        foreach (var purchase in purchases)
        {
            var (lines, units) = tally.GetValueOrDefault(purchase.ProductId);
            tally[purchase.ProductId] = (lines + 1, units + purchase.Quantity);
        }

        return tally
            .OrderByDescending(kv => kv.Value.Lines)
            .ThenByDescending(kv => kv.Value.Units)
            .ThenBy(kv => kv.Key)
            .Select(kv => kv.Key)
            .ToArray();
    }
}
