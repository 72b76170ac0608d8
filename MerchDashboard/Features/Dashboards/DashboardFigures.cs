using MerchDashboard.Engine.Clv;
using MerchDashboard.Engine.Metrics;

namespace MerchDashboard.Features.Dashboards;

/// <summary>The cross-sell tab: order KPIs, site attach rate, weekly trends, per-product attach rates and movers.</summary>
public sealed record CrossSellFigures(
    OrderKpis Kpis,
    AttachCount SiteAttach,
    IReadOnlyList<WeeklyPoint> Weeks,
    IReadOnlyList<AttachCount> TopAnchors,
    AttachMovers Movers,
    DateTime? MoversSplit);

/// <summary>
/// Predictive CLV of the selected customers (weekly periods, calibration end = last selected day, 12 months at
/// 1% a month), or why it could not be fitted; <see cref="ArmOfCustomer"/> is the arm of each customer's first order.
/// </summary>
public sealed record ClvFigures(ClvAnalysisResult? Result, string? Problem, IReadOnlyDictionary<int, Arm> ArmOfCustomer)
{
    /// <summary>Below this many repeat buyers the Gamma-Gamma fit runs off to its bounds and predictions mean nothing.</summary>
    public const int MinRepeatBuyers = 20;
    public const int HorizonMonths = 12;
    public const double MonthlyDiscountRate = 0.01;
    public static readonly ClvPeriod Period = new(PeriodUnit.Week);

    /// <summary>A placeholder while the fit runs on another thread.</summary>
    public static ClvFigures Empty { get; } = new(null, null, new Dictionary<int, Arm>());
}

/// <summary>The personalization tab.</summary>
public sealed record PersonalizationFigures(
    IReadOnlyList<Cohort> Cohorts,
    RepeatSummary Repeat,
    DistributionSummary HistoricalValue,
    IReadOnlyList<ValueBin> HistoricalBins,
    ClvFigures Clv);

/// <summary>The comparison tab: the four KPIs per arm with their verdicts.</summary>
public sealed record ComparisonFigures(IReadOnlyList<KpiComparison> Kpis, IReadOnlyList<string> Verdicts, int Orders);
