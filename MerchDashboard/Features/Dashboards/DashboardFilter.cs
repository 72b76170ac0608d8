using System.Globalization;
using MerchDashboard.Engine.Metrics;

namespace MerchDashboard.Features.Dashboards;

/// <summary>
/// The filters every dashboard chart shares: days <see cref="From"/> to <see cref="To"/> (both included, UTC),
/// a category (a department or a leaf: an order counts, with all its lines, when it contains a product of it)
/// and an experiment arm (null = all arms).
/// </summary>
public sealed record DashboardFilter(DateOnly From, DateOnly To, int? CategoryId = null, Arm? Arm = null)
{
    public DateTime Start => From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>The exclusive end: midnight after <see cref="To"/>.</summary>
    public DateTime End => To.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public DashboardFilter WithAllArms() => this with { Arm = null };

    public static string? Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static Arm? ParseArm(string? text) =>
        Enum.TryParse<Arm>(text, ignoreCase: true, out var arm) && Enum.IsDefined(arm) ? arm : null;
}
