using System.Globalization;

namespace MerchDashboard.Engine.Metrics;

/// <summary>
/// One plain sentence per treatment arm of a KPI comparison. Means: "Cross-sell leads on average order value:
/// $142.10 vs $128.40 for control (+10.7%, significant at 95%)." (trails when lower). Proportions:
/// "Personalization's 90-day repeat rate is 31% vs 24% for control (+7 pts, significant at 95%)." When the
/// difference's interval spans 0 the sentence says "no significant difference".
/// </summary>
public static class VerdictWriter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static IReadOnlyList<string> Describe(KpiComparison comparison)
    {
        var control = comparison.For(Arm.Control);
        return [.. comparison.VersusControl.Select(d => Describe(comparison, comparison.For(d.Arm)!, control!, d))];
    }

    public static string ArmName(Arm arm) => arm switch
    {
        Arm.Control => "Control",
        Arm.CrossSell => "Cross-sell",
        Arm.Personalization => "Personalization",
        Arm.Both => "Cross-sell + personalization",
        _ => arm.ToString(),
    };

    public static string KpiName(Kpi kpi) => kpi switch
    {
        Kpi.AverageOrderValue => "average order value",
        Kpi.AttachRate => "attach rate",
        Kpi.RepeatRate90Days => "90-day repeat rate",
        Kpi.PredictedValue12Months => "predicted 12-month value",
        Kpi.UnitsPerOrder => "units per order",
        Kpi.RepeatRate => "repeat rate",
        Kpi.ClickThroughRate => "click-through rate",
        Kpi.AddToCartRate => "add-to-cart rate",
        Kpi.AttributedRevenuePerShopper => "attributed revenue per shopper",
        _ => kpi.ToString(),
    };

    private static string Describe(KpiComparison c, ArmEstimate arm, ArmEstimate control, ArmDifference d)
    {
        var name = ArmName(d.Arm);
        var kpi = KpiName(c.Kpi);
        if (!d.Interval.IsDefined || double.IsNaN(arm.Value) || double.IsNaN(control.Value))
        {
            return $"{name}: not enough data to compare {kpi} with control.";
        }
        if (c.IsProportion)
        {
            var verdict = d.Significant ? "significant at 95%" : "no significant difference";
            return $"{name}'s {kpi} is {Percent(arm.Value)} vs {Percent(control.Value)} for control ({Points(d.Difference)}, {verdict}).";
        }
        var change = double.IsNaN(d.RelativeChange) ? Money(d.Difference, signed: true) : d.RelativeChange.ToString("+0.0%;-0.0%;0.0%", Invariant);
        var values = $"{Money(arm.Value)} vs {Money(control.Value)} for control";
        return !d.Significant
            ? $"{name} shows no significant difference on {kpi}: {values} ({change}; 95% CI of the difference {Money(d.Interval.Low, signed: true)} to {Money(d.Interval.High, signed: true)})."
            : $"{name} {(d.Difference > 0 ? "leads" : "trails")} on {kpi}: {values} ({change}, significant at 95%).";
    }

    private static string Money(double value, bool signed = false) =>
        (signed && value > 0 ? "+" : value < 0 ? "-" : "") + "$" + Math.Abs(value).ToString("N2", Invariant);

    private static string Percent(double rate) => rate.ToString("0.#%", Invariant);

    private static string Points(double difference)
    {
        var points = Math.Round(difference * 100, 1);
        var unit = Math.Abs(points) == 1 ? "pt" : "pts";
        return points.ToString("+0.#;-0.#;0", Invariant) + " " + unit;
    }
}
