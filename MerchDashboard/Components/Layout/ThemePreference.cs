namespace MerchDashboard.Components.Layout;

/// <summary>What the person chose in the app bar's theme menu.</summary>
public enum ThemeChoice
{
    System,
    Light,
    Dark,
}

/// <summary>
/// The theme choice and, for <see cref="ThemeChoice.System"/>, the system setting last seen by the browser. Both live
/// in one cookie rather than localStorage because the server renders the first paint before any script runs: with the
/// cookie that first paint already has the right colors, so a reload does not flash from light to dark.
/// </summary>
public sealed record ThemePreference(ThemeChoice Choice, bool SystemDark)
{
    public const string CookieName = "merch-theme";

    /// <summary>The cookie lasts a year; every change of choice or of the system setting renews it.</summary>
    public const int CookieMaxAgeDays = 365;

    public static ThemePreference Default { get; } = new(ThemeChoice.System, SystemDark: false);

    public bool IsDark => Choice switch
    {
        ThemeChoice.Dark => true,
        ThemeChoice.Light => false,
        _ => SystemDark,
    };

    /// <summary>"system-dark", "system-light", "light" or "dark".</summary>
    public string CookieValue => Choice switch
    {
        ThemeChoice.Dark => "dark",
        ThemeChoice.Light => "light",
        _ => SystemDark ? "system-dark" : "system-light",
    };

    public string Description => Choice switch
    {
        ThemeChoice.Dark => "Theme: dark",
        ThemeChoice.Light => "Theme: light",
        _ => $"Theme: as the system ({(SystemDark ? "dark" : "light")} now)",
    };

    /// <summary>An unknown or missing value (an old cookie, a hand edit) means the default: follow the system.</summary>
    public static ThemePreference Parse(string? value) => value switch
    {
        "dark" => new(ThemeChoice.Dark, SystemDark: false),
        "light" => new(ThemeChoice.Light, SystemDark: false),
        "system-dark" => new(ThemeChoice.System, SystemDark: true),
        _ => Default,
    };

    public static string? CookieOf(HttpContext? context) => context?.Request.Cookies[CookieName];
}
