using MerchDashboard.Engine.Metrics;

namespace MerchDashboard.Features.Dashboards;

/// <summary>
/// Turns filtered <see cref="OrderFacts"/> into each tab's figures with the metrics and CLV engines; no I/O, so the
/// page and the <c>bench --dashboards</c> verb run the same code.
/// </summary>
public static class DashboardCalculator
{
    public const int TopAnchorRows = 15;

    /// <summary>
    /// Per-product attach counts are taken once per half of the selection (for the movers) and summed for the whole;
    /// the independent passes run in parallel.
    /// </summary>
    public static CrossSellFigures CrossSell(OrderFacts facts, DashboardFilter filter, FrequentlyBoughtWith lists)
    {
        var orders = facts.Select(filter);
        var (index, split) = Midpoint(orders);
        IReadOnlyList<AttachCount> before = [], after = [];
        IReadOnlyList<WeeklyPoint> weeks = [];
        var kpis = new OrderKpis(0, 0, 0, 0);
        Parallel.Invoke(
            () => weeks = WeeklyTrends.Compute(orders, lists),
            () => before = AttachRates.PerProduct(new ArraySegment<OrderSummary>(orders, 0, index), lists),
            () => after = AttachRates.PerProduct(new ArraySegment<OrderSummary>(orders, index, orders.Length - index), lists),
            () => kpis = OrderKpis.Of(orders));
        var perProduct = before.Concat(after).GroupBy(c => c.ProductId)
            .Select(g => new AttachCount(g.Key, g.Sum(c => c.Orders), g.Sum(c => c.Attached))).ToArray();
        var movers = split is null ? new AttachMovers([], []) : AttachMoversFinder.Find(before, after);
        return new CrossSellFigures(kpis, AttachRates.Site(perProduct), weeks,
            [.. perProduct.OrderByDescending(p => p.Orders).ThenBy(p => p.ProductId).Take(TopAnchorRows)], movers, split);
    }

    /// <summary>The first order at or after the middle of the selection's time span (the movers compare the halves).</summary>
    private static (int Index, DateTime? Split) Midpoint(OrderSummary[] orders)
    {
        if (orders.Length < 2)
        {
            return (orders.Length, null);
        }
        var split = orders[0].PlacedAt + (orders[^1].PlacedAt - orders[0].PlacedAt) / 2;
        var index = Array.FindIndex(orders, o => o.PlacedAt >= split);
        return (index, split);
    }

    public static PersonalizationFigures Personalization(OrderFacts facts, DashboardFilter filter, ClvFigures clv)
    {
        var orders = facts.Select(filter);
        IReadOnlyList<Cohort> cohorts = [];
        var repeat = new RepeatSummary(0, 0, 0);
        double[] historical = [];
        Parallel.Invoke(
            () => cohorts = CohortRetention.Compute(orders, filter.End),
            () => repeat = CustomerActivity.Repeat(orders, filter.Start, filter.End),
            () => historical = [.. CustomerActivity.HistoricalValue(orders, filter.End).Select(v => (double)v.Revenue)]);
        return new PersonalizationFigures(cohorts, repeat, DistributionSummary.Of(historical), ValueHistogram.Of(historical), clv);
    }

    public static ClvFigures Clv(OrderFacts facts, DashboardFilter filter) => ClvCalculator.Clv(facts.Select(filter), filter);

    /// <summary>All four arms of the selection (the arm filter does not apply), with the CLV fitted over all of them.</summary>
    public static ComparisonFigures Comparison(OrderFacts facts, DashboardFilter filter, FrequentlyBoughtWith lists, ClvFigures allArms)
    {
        var orders = facts.Select(filter.WithAllArms());
        if (WithoutExperiment(orders, filter) is { } withoutArms)
        {
            return new ComparisonFigures([], [], orders.Length, withoutArms);
        }
        var predicted = allArms.Result?.Predictions.Select(p => (allArms.ArmOfCustomer[p.CustomerKey], p.Clv)) ?? [];
        var kpis = ExperimentComparison.Compare(orders, lists, filter.End, predicted);
        return new ComparisonFigures(kpis, [.. kpis.SelectMany(VerdictWriter.Describe)], orders.Length);
    }

    /// <summary>Whether the orders carry fewer than two arms; then what can be shown instead of an arm comparison.</summary>
    public static NoExperimentFigures? WithoutExperiment(OrderSummary[] orders, DashboardFilter filter)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(filter);
        var arms = orders.Select(o => o.Arm).Distinct().Take(2).ToArray();
        return arms.Length >= 2 ? null
            : new NoExperimentFigures(orders, filter.From, filter.To, SourceRevenue.Weekly(orders), arms.Length == 1 ? arms[0] : null);
    }
}
