using MerchDashboard.Data.Entities;
using MerchDashboard.Engine.Experiments;
using MerchDashboard.Engine.Metrics;

namespace MerchDashboard.Features.Experiments;

/// <summary>
/// The Experiments page's figures, as the page, the CSV and <c>experiment report</c> (JSON) show them. Numbers are
/// rounded to 4 decimals (money to 2); a value that cannot be computed (no data in the arm) is null.
/// </summary>
public sealed record ExperimentReport(
    ExperimentSummary Experiment,
    DateTime? MeasuredUntil,
    int AttributionWindowHours,
    IReadOnlyList<ArmRow> Arms,
    IReadOnlyList<KpiRow> Kpis,
    IReadOnlyList<SourceRow> Sources,
    long OrdersNotLinked,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Verdicts);

public sealed record ArmRow(string Arm, int Share, long ShoppersExposed, long Orders, decimal Revenue, long Units, long Impressions, long Clicks,
    long AddToCarts, decimal AttributedRevenue, long AttributedLines);

/// <summary>One KPI of one arm: value and 95% interval, and (treatment arms) the difference from control with its interval.</summary>
public sealed record KpiValue(string Arm, double? Value, double? Low, double? High, long SampleSize,
    double? Difference, double? DifferenceLow, double? DifferenceHigh, double? RelativeChange, bool Significant);

public sealed record KpiRow(string Kpi, string Label, bool IsProportion, IReadOnlyList<KpiValue> Arms);

public sealed record SourceRow(string Source, long Impressions, long Clicks, double? ClickThroughRate, double? Low, double? High, decimal AttributedRevenue);

public static class ExperimentReportBuilder
{
    public static readonly IReadOnlyDictionary<Kpi, string> KpiKeys = new Dictionary<Kpi, string>
    {
        [Kpi.AverageOrderValue] = "aov",
        [Kpi.UnitsPerOrder] = "units-per-order",
        [Kpi.AttachRate] = "attach-rate",
        [Kpi.ClickThroughRate] = "ctr",
        [Kpi.AddToCartRate] = "add-to-cart-rate",
        [Kpi.AttributedRevenuePerShopper] = "attributed-revenue-per-shopper",
        [Kpi.RepeatRate] = "repeat-rate",
        [Kpi.PredictedValue12Months] = "predicted-clv-12-months",
    };

    public static ExperimentReport Build(ExperimentSummary experiment, DateTime? until, int windowHours, ExperimentResults results, IEnumerable<string> extraWarnings)
    {
        var warnings = new List<string>(extraWarnings);
        if (experiment.StartedAt is null)
        {
            warnings.Add("The experiment has not started: no shopper is assigned yet.");
        }
        else if (experiment.PlannedSamplePerArm is { } planned)
        {
            var primary = results.Kpi(PrimaryKpis.KpiOf(experiment.PrimaryKpi));
            foreach (var arm in primary.Arms.Where(a => a.SampleSize < planned))
            {
                warnings.Add($"{VerdictWriter.ArmName(arm.Arm)} has {arm.SampleSize:N0} of the {planned:N0} {PrimaryKpis.Unit(experiment.PrimaryKpi)} planned: " +
                    "until every arm reaches its planned sample, differences may be noise.");
            }
        }
        var verdictKpis = new[] { Kpi.AverageOrderValue, Kpi.AttachRate, Kpi.ClickThroughRate, Kpi.AddToCartRate, Kpi.AttributedRevenuePerShopper, Kpi.RepeatRate, Kpi.PredictedValue12Months };
        var verdicts = results.Kpis.Where(k => verdictKpis.Contains(k.Kpi) && k.For(Arm.Control) is not null).SelectMany(VerdictWriter.Describe).ToList();
        return new ExperimentReport(experiment, until, windowHours,
            [.. results.Arms.Select(a => new ArmRow(ArmShares.NameOf(a.Arm), a.Percent, a.ShoppersExposed, a.Orders, Math.Round(a.Revenue, 2), a.Units,
                a.Impressions, a.Clicks, a.AddToCarts, Math.Round(a.AttributedRevenue, 2), a.AttributedLines))],
            [.. results.Kpis.Select(Row)],
            [.. results.Sources.Select(s => new SourceRow(s.Source, s.Impressions, s.Clicks, Round(s.ClickThroughRate), Round(s.ClickThroughInterval.Low),
                Round(s.ClickThroughInterval.High), Math.Round(s.AttributedRevenue, 2)))],
            results.OrdersNotLinked, warnings, verdicts);
    }

    public static string StatusName(ExperimentStatus status) => status.ToString().ToLowerInvariant();

    private static KpiRow Row(KpiComparison k) => new(KpiKeys[k.Kpi], VerdictWriter.KpiName(k.Kpi), k.IsProportion, [.. k.Arms.Select(a =>
    {
        var d = k.VersusControl.FirstOrDefault(v => v.Arm == a.Arm);
        return new KpiValue(ArmShares.NameOf(a.Arm), Round(a.Value), Round(a.Interval.Low), Round(a.Interval.High), a.SampleSize,
            Round(d?.Difference), Round(d?.Interval.Low), Round(d?.Interval.High), Round(d?.RelativeChange), d?.Significant ?? false);
    })]);

    private static double? Round(double? value) => value is { } v && double.IsFinite(v) ? Math.Round(v, 4) : null;
}
