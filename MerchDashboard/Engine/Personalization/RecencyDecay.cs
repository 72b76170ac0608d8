namespace MerchDashboard.Engine.Personalization;

/// <summary>
/// Exponential recency decay: a purchase made <c>age</c> days before the as-of time weighs
/// <c>w = 0.5 ^ (age / halfLifeDays)</c>, so 1 at the as-of time and exactly half one half-life earlier.
/// Purchases after the as-of time weigh 0: they have not happened yet from the shopper's point of view.
/// </summary>
public static class RecencyDecay
{
    public const double DefaultHalfLifeDays = 90;

    public static double Weight(DateTime at, DateTime asOf, double halfLifeDays = DefaultHalfLifeDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(halfLifeDays);
        if (at > asOf)
        {
            return 0;
        }

        return Math.Pow(0.5, (asOf - at).TotalDays / halfLifeDays);
    }
}
