namespace MerchDashboard.Engine.Metrics;

public enum Kpi
{
    AverageOrderValue,
    AttachRate,
    RepeatRate90Days,
    PredictedValue12Months,
    UnitsPerOrder,
    RepeatRate,
    ClickThroughRate,
    AddToCartRate,
    AttributedRevenuePerShopper,
}

/// <summary>A KPI's value in one arm with its 95% interval and the sample size behind it (orders, anchor occurrences or customers).</summary>
public sealed record ArmEstimate(Arm Arm, double Value, Interval Interval, long SampleSize);

/// <summary>Arm minus control with its 95% interval; significant when the interval excludes 0. Relative change = difference / control.</summary>
public sealed record ArmDifference(Arm Arm, double Difference, Interval Interval, double RelativeChange)
{
    public bool Significant => Interval.ExcludesZero;
}

public sealed record KpiComparison(Kpi Kpi, bool IsProportion, IReadOnlyList<ArmEstimate> Arms, IReadOnlyList<ArmDifference> VersusControl)
{
    public ArmEstimate? For(Arm arm) => Arms.FirstOrDefault(a => a.Arm == arm);
}

/// <summary>
/// Experiment comparison per arm. Means (AOV over orders, predicted 12-month value over customers) use the
/// t interval and Welch's interval for the difference; proportions (90-day repeat rate over eligible customers,
/// attach rate over anchor occurrences) use Wilson's interval and Newcombe's hybrid score interval for the
/// difference (formulas on <see cref="ConfidenceIntervals"/>). Attach occurrences of one order are treated as
/// independent trials, which narrows the interval slightly when orders hold several anchors.
/// </summary>
public static class ExperimentComparison
{
    public static IReadOnlyList<KpiComparison> Compare(IReadOnlyCollection<OrderSummary> orders, FrequentlyBoughtWith lists,
        DateTime dataEnd, IEnumerable<(Arm Arm, double Value)> predictedValues)
    {
        var arms = new KpiAccumulator[Enum.GetValues<Arm>().Length];
        foreach (var order in orders)
        {
            if (order.PlacedAt < dataEnd)
            {
                arms[(int)order.Arm].Add(order, lists);
            }
        }
        var present = Enum.GetValues<Arm>().Where(a => arms[(int)a].Kpis.Orders > 0).ToArray();
        var aov = present.ToDictionary(a => a, a => arms[(int)a].Revenue);
        var attach = present.ToDictionary(a => a, a => arms[(int)a].Attach.AsSample);
        var predicted = predictedValues.GroupBy(p => p.Arm).ToDictionary(g => g.Key, g => MeanSample.Of(g.Select(p => p.Value)));
        return
        [
            Means(Kpi.AverageOrderValue, aov),
            Proportions(Kpi.AttachRate, attach),
            Proportions(Kpi.RepeatRate90Days, RepeatWithinDays.PerArm(orders, dataEnd)),
            Means(Kpi.PredictedValue12Months, predicted),
        ];
    }

    public static KpiComparison Means(Kpi kpi, IReadOnlyDictionary<Arm, MeanSample> samples) =>
        Build(kpi, false, samples, s => s.Mean, s => s.N, ConfidenceIntervals.Mean, ConfidenceIntervals.WelchDifference);

    public static KpiComparison Proportions(Kpi kpi, IReadOnlyDictionary<Arm, ProportionSample> samples) =>
        Build(kpi, true, samples, s => s.Rate, s => s.Trials, ConfidenceIntervals.Wilson, ConfidenceIntervals.NewcombeDifference);

    private static KpiComparison Build<T>(Kpi kpi, bool isProportion, IReadOnlyDictionary<Arm, T> samples,
        Func<T, double> value, Func<T, long> size, Func<T, Interval> interval, Func<T, T, Interval> difference)
    {
        var arms = samples.OrderBy(s => s.Key).Select(s => new ArmEstimate(s.Key, value(s.Value), interval(s.Value), size(s.Value))).ToArray();
        if (!samples.TryGetValue(Arm.Control, out var control))
        {
            return new KpiComparison(kpi, isProportion, arms, []);
        }
        var controlValue = value(control);
        var differences = samples.Where(s => s.Key != Arm.Control).OrderBy(s => s.Key)
            .Select(s => new ArmDifference(s.Key, value(s.Value) - controlValue, difference(s.Value, control),
                controlValue == 0 ? double.NaN : (value(s.Value) - controlValue) / controlValue))
            .ToArray();
        return new KpiComparison(kpi, isProportion, arms, differences);
    }
}
