namespace MerchDashboard.Engine.Clv;

public enum PeriodUnit
{
    Day,
    Week,
    Month,
}

/// <summary>
/// The time unit of the BG/NBD durations: a duration in periods is days divided by <see cref="Days"/>
/// (1 for days, 7 for weeks, 365.25 / 12 = 30.4375 for months). A month is that average length, not a
/// calendar boundary, so recency and T stay continuous (the lifetimes library's freq 'M' counts calendar
/// months instead).
/// </summary>
public sealed record ClvPeriod(PeriodUnit Unit)
{
    public const double DaysPerMonth = 365.25 / 12;

    public double Days => Unit switch
    {
        PeriodUnit.Day => 1,
        PeriodUnit.Week => 7,
        PeriodUnit.Month => DaysPerMonth,
        _ => throw new ArgumentOutOfRangeException(nameof(Unit), Unit, "unknown period unit"),
    };

    /// <summary>How many periods make one (average) month: the step of the discounted CLV sum.</summary>
    public double PerMonth => DaysPerMonth / Days;

    public double FromDays(double days) => days / Days;
}
