namespace MerchDashboard.Engine.Clv;

/// <summary>
/// Whether a BG/NBD fit can be believed, with the evidence: the parameters that ran to the optimizer's bound (the
/// data cannot pin them down: an a or b at a bound is a drop-out rate the model made up), the share of customers
/// inactive for <see cref="ClvTrustCheck.InactiveDays"/> days or more, and the mean P(alive) of the repeat buyers among
/// them. <see cref="Degenerate"/> when a parameter is at its bound, or when those inactive repeat buyers still look
/// alive to the model (mean P(alive) at least <see cref="ClvTrustCheck.AliveDespiteInactivity"/>) while they are at
/// least <see cref="ClvTrustCheck.MinInactiveShare"/> of the repeat buyers: the fit then ignores inactivity and
/// "everybody is still active" is an artefact. One-time buyers are left out of the P(alive) test because BG/NBD gives
/// them P(alive) = 1 by construction (nobody drops out before a first repeat).
/// </summary>
public sealed record ClvTrustCheck(
    IReadOnlyList<string> ParametersAtBound,
    int Customers,
    double InactiveShare,
    int InactiveRepeaters,
    double InactiveRepeaterShare,
    double InactiveRepeaterMeanProbabilityAlive,
    double RepeaterMeanProbabilityAlive)
{
    /// <summary>Six months: a customer silent this long is the case the merchant asks P(alive) about.</summary>
    public const int InactiveDays = 182;

    public const double AliveDespiteInactivity = 0.9;

    public const double MinInactiveShare = 0.1;

    public bool IgnoresInactivity => InactiveRepeaterShare >= MinInactiveShare && InactiveRepeaterMeanProbabilityAlive >= AliveDespiteInactivity;

    public bool Degenerate => ParametersAtBound.Count > 0 || IgnoresInactivity;

    public static ClvTrustCheck Of(BgNbdParameters parameters, IReadOnlyCollection<CustomerRfm> customers, ClvPeriod period)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(period);
        var silence = period.FromDays(InactiveDays);
        var inactive = customers.Count(c => c.T - c.Recency >= silence);
        var repeaters = customers.Where(c => c.Frequency > 0).ToArray();
        var inactiveRepeaters = repeaters.Where(c => c.T - c.Recency >= silence).ToArray();
        return new ClvTrustCheck(
            AtBound(parameters),
            customers.Count,
            customers.Count == 0 ? 0 : (double)inactive / customers.Count,
            inactiveRepeaters.Length,
            repeaters.Length == 0 ? 0 : (double)inactiveRepeaters.Length / repeaters.Length,
            inactiveRepeaters.Length == 0 ? double.NaN : inactiveRepeaters.Average(c => parameters.ProbabilityAlive(c.Frequency, c.Recency, c.T)),
            repeaters.Length == 0 ? double.NaN : repeaters.Average(c => parameters.ProbabilityAlive(c.Frequency, c.Recency, c.T)));
    }

    /// <summary>Names of the parameters within 0.01 (in log space) of the minimizer's bound e^±20.</summary>
    public static IReadOnlyList<string> AtBound(BgNbdParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        (string Name, double Value)[] all = [("r", parameters.R), ("α", parameters.Alpha), ("a", parameters.A), ("b", parameters.B)];
        return [.. all.Where(p => Math.Abs(Math.Log(p.Value)) >= LogSpaceMinimizer.Bound - 0.01).Select(p => p.Name)];
    }
}
