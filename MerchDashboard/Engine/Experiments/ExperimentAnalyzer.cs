using MerchDashboard.Engine.Metrics;

namespace MerchDashboard.Engine.Experiments;

/// <summary>
/// PRODUCT.md's exposure and attribution, computed once for the page, the CSV and the command line.
/// <list type="bullet">
/// <item>Exposure: a shopper is exposed at their first impression in the period, in the arm of that impression.</item>
/// <item>Arm KPIs use every order of an exposed shopper placed at or after their first exposure and within the
/// period (intention-to-treat, clicked or not): AOV = revenue / orders, units per order, attach rate (orders' anchors
/// bought with one of their current frequently-bought-with items / anchors), repeat rate = shoppers with 2+ such
/// orders / shoppers with 1+, attributed revenue per exposed shopper, predicted 12-month CLV over exposed shoppers
/// with a prediction.</item>
/// <item>CTR = clicks / impressions and add-to-cart rate = add-to-carts / impressions of the arm's slots (successes
/// capped at the impressions, so a storefront that under-reports impressions cannot push a rate above 1).</item>
/// <item>Attribution: a purchased line is attributed to the latest click of the same shopper on the same product in
/// [placed − window, placed]; its revenue (quantity × unit price) counts for that click's source and arm. A click
/// may attribute lines of several orders within its window; a line older than every click's window is unattributed.</item>
/// </list>
/// Intervals and differences from control are <see cref="ExperimentComparison"/>'s (t/Welch for means, Wilson/Newcombe for proportions).
/// </summary>
public static class ExperimentAnalyzer
{
    public static ExperimentResults Analyze(ExperimentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var events = input.Events.Where(e => e.At >= input.Start && e.At <= input.End).OrderBy(e => e.At).ToList();
        var exposures = new Dictionary<string, (DateTime At, Arm Arm)>(StringComparer.Ordinal);
        var clicks = new Dictionary<(string Shopper, int Product), List<ShopperEvent>>();
        var arms = input.Arms.ToDictionary(a => a.Arm, a => new ArmTally(a.Percent));
        var sources = new SortedDictionary<string, SourceTally>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            var tally = arms.GetValueOrDefault(e.Arm) ?? NotAnArm;
            var source = sources.TryGetValue(e.Source, out var known) ? known : sources[e.Source] = new SourceTally();
            switch (e.Action)
            {
                case ShopperAction.Impression:
                    exposures.TryAdd(e.ShopperId, (e.At, e.Arm));
                    source.Impressions++;
                    tally.Impressions++;
                    break;
                case ShopperAction.Click:
                    source.Clicks++;
                    tally.Clicks++;
                    var key = (e.ShopperId, e.ProductId);
                    (clicks.TryGetValue(key, out var list) ? list : clicks[key] = []).Add(e);
                    break;
                case ShopperAction.AddToCart:
                    tally.AddToCarts++;
                    break;
            }
        }
        foreach (var (shopper, exposure) in exposures)
        {
            if (arms.TryGetValue(exposure.Arm, out var tally))
            {
                tally.Shoppers[shopper] = new ShopperTally();
            }
        }
        long notLinked = 0;
        foreach (var order in input.Orders.OrderBy(o => o.PlacedAt))
        {
            if (order.PlacedAt > input.End || !exposures.TryGetValue(order.ShopperId, out var exposure) || order.PlacedAt < exposure.At
                || !arms.TryGetValue(exposure.Arm, out var tally))
            {
                notLinked++;
                continue;
            }
            tally.AddOrder(order, input.Lists);
            var shopper = tally.Shoppers[order.ShopperId];
            shopper.Orders++;
            foreach (var line in order.Lines)
            {
                if (LastClick(clicks, order, line.ProductId, input.AttributionWindow) is { } click)
                {
                    shopper.Attributed += line.Revenue;
                    tally.AttributedLines++;
                    sources[click.Source].AttributedRevenue += line.Revenue;
                }
            }
        }
        return new ExperimentResults(
            [.. input.Arms.Select(a => arms[a.Arm].Figures(a.Arm))],
            Comparisons(arms, input.PredictedClv),
            [.. sources.Select(s => s.Value.Figures(s.Key))],
            notLinked);
    }

    /// <summary>Counts of events sent in an arm the experiment does not have (from an earlier arm layout), never reported.</summary>
    private static ArmTally NotAnArm => new(0);

    private static ShopperEvent? LastClick(Dictionary<(string, int), List<ShopperEvent>> clicks, ShopperOrder order, int product, TimeSpan window)
    {
        if (!clicks.TryGetValue((order.ShopperId, product), out var list))
        {
            return null;
        }
        ShopperEvent? last = null;
        foreach (var click in list)
        {
            if (click.At > order.PlacedAt)
            {
                break;
            }
            if (click.At >= order.PlacedAt - window)
            {
                last = click;
            }
        }
        return last;
    }

    private static List<KpiComparison> Comparisons(Dictionary<Arm, ArmTally> arms, IReadOnlyDictionary<string, double> predicted)
    {
        Dictionary<Arm, MeanSample> Means(Func<ArmTally, IEnumerable<double>> values) => arms.ToDictionary(a => a.Key, a => MeanSample.Of(values(a.Value)));
        Dictionary<Arm, ProportionSample> Rates(Func<ArmTally, ProportionSample> rate) => arms.ToDictionary(a => a.Key, a => rate(a.Value));
        return
        [
            ExperimentComparison.Means(Kpi.AverageOrderValue, Means(t => t.OrderRevenues)),
            ExperimentComparison.Means(Kpi.UnitsPerOrder, Means(t => t.OrderUnits)),
            ExperimentComparison.Proportions(Kpi.AttachRate, Rates(t => new ProportionSample(t.Attached, t.Anchors))),
            ExperimentComparison.Proportions(Kpi.ClickThroughRate, Rates(t => new ProportionSample(Math.Min(t.Clicks, t.Impressions), t.Impressions))),
            ExperimentComparison.Proportions(Kpi.AddToCartRate, Rates(t => new ProportionSample(Math.Min(t.AddToCarts, t.Impressions), t.Impressions))),
            ExperimentComparison.Means(Kpi.AttributedRevenuePerShopper, Means(t => t.Shoppers.Values.Select(s => (double)s.Attributed))),
            ExperimentComparison.Proportions(Kpi.RepeatRate, Rates(t => new ProportionSample(
                t.Shoppers.Values.Count(s => s.Orders >= 2), t.Shoppers.Values.Count(s => s.Orders >= 1)))),
            ExperimentComparison.Means(Kpi.PredictedValue12Months, Means(t => t.Shoppers.Keys
                .Where(predicted.ContainsKey).Select(id => predicted[id]))),
        ];
    }

    private sealed class ShopperTally
    {
        public int Orders;
        public decimal Attributed;
    }

    private sealed class SourceTally
    {
        public long Impressions;
        public long Clicks;
        public decimal AttributedRevenue;

        public SourceFigures Figures(string source)
        {
            var sample = new ProportionSample(Math.Min(Clicks, Impressions), Impressions);
            return new SourceFigures(source, Impressions, Clicks, sample.Rate, ConfidenceIntervals.Wilson(sample), AttributedRevenue);
        }
    }

    private sealed class ArmTally(int percent)
    {
        public Dictionary<string, ShopperTally> Shoppers { get; } = new(StringComparer.Ordinal);
        public List<double> OrderRevenues { get; } = [];
        public List<double> OrderUnits { get; } = [];
        public long Impressions;
        public long Clicks;
        public long AddToCarts;
        public long Anchors;
        public long Attached;
        public long AttributedLines;
        private decimal _revenue;
        private long _units;

        public void AddOrder(ShopperOrder order, FrequentlyBoughtWith lists)
        {
            var revenue = order.Revenue;
            _revenue += revenue;
            _units += order.Units;
            OrderRevenues.Add((double)revenue);
            OrderUnits.Add(order.Units);
            var summary = new OrderSummary(0, null, order.PlacedAt, Arm.Control, revenue, order.Units, 0,
                [.. order.Lines.Select(l => l.ProductId).Distinct()]);
            var (anchors, attached) = AttachRates.CountOrder(summary, lists);
            Anchors += anchors;
            Attached += attached;
        }

        public ArmFigures Figures(Arm arm) => new(arm, percent, Shoppers.Count, OrderRevenues.Count, _revenue, _units,
            Impressions, Clicks, AddToCarts, Shoppers.Values.Sum(s => s.Attributed), AttributedLines);
    }
}
