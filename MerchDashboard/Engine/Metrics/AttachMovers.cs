namespace MerchDashboard.Engine.Metrics;

/// <summary>A product's attach rate in a baseline and a current set of orders; <see cref="Change"/> in rate points (0..1 scale).</summary>
public sealed record AttachMove(int ProductId, AttachCount Baseline, AttachCount Current)
{
    public double Change => Current.Rate - Baseline.Rate;
}

public sealed record AttachMovers(IReadOnlyList<AttachMove> Gainers, IReadOnlyList<AttachMove> Losers);

/// <summary>
/// Products that gain and lose most between a baseline (an earlier period, or the control arm) and a current set
/// (a later period, or a treatment arm): the change is current rate − baseline rate, over products with at least
/// <c>minOrders</c> orders on both sides (small counts swing wildly). Gainers are the largest positive changes,
/// losers the largest negative ones; ties go to the product with more current orders, then the lower id.
/// </summary>
public static class AttachMoversFinder
{
    public static AttachMovers Find(IEnumerable<AttachCount> baseline, IEnumerable<AttachCount> current, int minOrders = 30, int top = 10)
    {
        var before = baseline.Where(b => b.Orders >= minOrders).ToDictionary(b => b.ProductId);
        var moves = current
            .Where(c => c.Orders >= minOrders && before.ContainsKey(c.ProductId))
            .Select(c => new AttachMove(c.ProductId, before[c.ProductId], c))
            .ToArray();
        return new AttachMovers(
            [.. moves.Where(m => m.Change > 0).OrderByDescending(m => m.Change).ThenByDescending(m => m.Current.Orders).ThenBy(m => m.ProductId).Take(top)],
            [.. moves.Where(m => m.Change < 0).OrderBy(m => m.Change).ThenByDescending(m => m.Current.Orders).ThenBy(m => m.ProductId).Take(top)]);
    }
}
