namespace MerchDashboard.Data.Seeding;

/// <summary>
/// When people shop: a seasonal intensity (a December peak, a Black Friday bump, a quiet January, slow
/// growth over the window) and a daily rhythm peaking in the evening. Times are drawn by thinning:
/// candidates at the peak rate, kept with probability intensity / peak.
/// </summary>
internal static class PurchaseTimeline
{
    public const double PeakIntensity = 3.2;

    private static readonly double[] HourWeights =
        [0.2, 0.1, 0.05, 0.05, 0.05, 0.1, 0.3, 0.6, 0.9, 1.1, 1.2, 1.3, 1.4, 1.3, 1.2, 1.2, 1.3, 1.5, 1.8, 2.0, 2.1, 1.8, 1.2, 0.6];

    public static double Intensity(DateTime day, SeedSettings settings)
    {
        var growth = 1 + 0.2 * (day - settings.Start).TotalDays / (settings.End - settings.Start).TotalDays;
        return growth * Season(day);
    }

    public static double Season(DateTime day)
    {
        var blackFriday = BlackFriday(day.Year);
        if (day.Date >= blackFriday && day.Date < blackFriday.AddDays(4))
        {
            return 2.6;
        }
        return day.Month switch
        {
            1 or 2 => 0.8,
            >= 6 and <= 8 => 0.9,
            11 => 1.2,
            12 when day.Day <= 21 => 2.0,
            12 when day.Day <= 24 => 1.4,
            12 when day.Day == 25 => 0.5,
            12 => 1.2,
            _ => 1.0,
        };
    }

    /// <summary>The day after the fourth Thursday of November.</summary>
    public static DateTime BlackFriday(int year)
    {
        var first = new DateTime(year, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        var firstThursday = first.AddDays(((int)DayOfWeek.Thursday - (int)first.DayOfWeek + 7) % 7);
        return firstThursday.AddDays(22);
    }

    /// <summary>
    /// A first-purchase day: in proportion to the intensity, front-loaded (the store's existing customers
    /// show up early in the history), at a time of day drawn from the daily rhythm.
    /// </summary>
    public static DateTime FirstPurchase(Random rng, SeedSettings settings)
    {
        var days = (settings.End - settings.Start).TotalDays;
        while (true)
        {
            var x = rng.NextDouble();
            var day = settings.Start.AddDays(Math.Floor(x * days));
            if (rng.NextDouble() * PeakIntensity * 2 < Intensity(day, settings) * (1.8 - 1.2 * x))
            {
                return AtTimeOfDay(rng, day);
            }
        }
    }

    /// <summary>The next purchase after <paramref name="after"/> for a shopper buying <paramref name="ratePerDay"/> times a day at average intensity; null past the window.</summary>
    public static DateTime? Next(Random rng, DateTime after, double ratePerDay, SeedSettings settings)
    {
        var t = after;
        while (true)
        {
            t = t.AddDays(rng.Exponential(ratePerDay * PeakIntensity * 1.2));
            if (t >= settings.End)
            {
                return null;
            }
            if (rng.NextDouble() * PeakIntensity * 1.2 < Intensity(t, settings))
            {
                var day = AtTimeOfDay(rng, t.Date);
                return day > after && day < settings.End ? day : t.AddTicks(-(t.Ticks % TimeSpan.TicksPerSecond));
            }
        }
    }

    private static DateTime AtTimeOfDay(Random rng, DateTime day) =>
        DateTime.SpecifyKind(day.Date, DateTimeKind.Utc).AddHours(rng.PickWeighted(HourWeights)).AddSeconds(rng.Next(3600));
}
