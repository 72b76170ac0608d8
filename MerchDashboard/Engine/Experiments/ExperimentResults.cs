using MerchDashboard.Engine.Metrics;

namespace MerchDashboard.Engine.Experiments;

/// <summary>
/// The counts of one arm: shoppers exposed (a first impression in the experiment), their orders placed after that
/// first exposure (intention-to-treat), and the revenue of purchased lines attributed to a clicked slot.
/// </summary>
public sealed record ArmFigures(
    Arm Arm, int Percent, long ShoppersExposed, long Orders, decimal Revenue, long Units,
    long Impressions, long Clicks, long AddToCarts, decimal AttributedRevenue, long AttributedLines);

/// <summary>Slots of one source across all arms: impressions, clicks, their CTR with a Wilson interval, attributed revenue.</summary>
public sealed record SourceFigures(string Source, long Impressions, long Clicks, double ClickThroughRate, Interval ClickThroughInterval, decimal AttributedRevenue);

/// <summary>
/// The experiment's results: per-arm counts, each KPI per arm with its 95% interval and difference from control,
/// per-source figures, and the orders left out (placed before their shopper's first exposure, or by a shopper
/// never exposed).
/// </summary>
public sealed record ExperimentResults(
    IReadOnlyList<ArmFigures> Arms,
    IReadOnlyList<KpiComparison> Kpis,
    IReadOnlyList<SourceFigures> Sources,
    long OrdersNotLinked)
{
    public KpiComparison Kpi(Kpi kpi) => Kpis.First(k => k.Kpi == kpi);
}
