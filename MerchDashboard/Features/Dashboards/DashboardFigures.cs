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
/// <see cref="Trust"/> says whether the fit can be believed; <see cref="Holdout"/> is its calibration/holdout check
/// (the last <see cref="HoldoutShare"/> of the selection held out, at least <see cref="MinHoldoutDays"/> days, after a
/// calibration of at least <see cref="MinCalibrationDays"/> days), or <see cref="HoldoutProblem"/> says why there is none.
/// </summary>
public sealed record ClvFigures(
    ClvAnalysisResult? Result,
    string? Problem,
    IReadOnlyDictionary<int, Arm> ArmOfCustomer,
    ClvTrustCheck? Trust = null,
    ClvHoldoutCheck? Holdout = null,
    string? HoldoutProblem = null)
{
    public const double HoldoutShare = 0.25;
    public const int MinHoldoutDays = 28;
    public const int MinCalibrationDays = 56;

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

/// <summary>
/// The comparison tab: the four KPIs per arm with their verdicts; or, when the selected orders carry fewer than two
/// arms (no experiment ran), <see cref="WithoutArms"/> instead and no KPIs.
/// </summary>
public sealed record ComparisonFigures(IReadOnlyList<KpiComparison> Kpis, IReadOnlyList<string> Verdicts, int Orders, NoExperimentFigures? WithoutArms = null);

/// <summary>
/// What the strategy tab shows without an experiment: the selected orders (time-sorted, for a before/after split at a
/// date the manager picks), the selection's days, weekly revenue by widget source, and the one arm the orders carry.
/// </summary>
public sealed record NoExperimentFigures(IReadOnlyList<OrderSummary> Orders, DateOnly From, DateOnly To, IReadOnlyList<SourceRevenuePoint> Weeks, Arm? OnlyArm);
