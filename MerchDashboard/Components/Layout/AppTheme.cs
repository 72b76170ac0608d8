using MudBlazor;

namespace MerchDashboard.Components.Layout;

public static class AppTheme
{
    private const string OnLight = "rgba(0,0,0,0.87)";

    public static MudTheme Theme { get; } = new()
    {
        // Darker than MudBlazor's defaults so text in alerts and secondary text meets WCAG AA contrast (axe checks it).
        PaletteLight = new PaletteLight
        {
            Primary = "#3949ab", Secondary = "#00695c", AppbarBackground = "#283593",
            Info = "#0b5cad", Success = "#1b5e20", Warning = "#8a4b00", Error = "#b71c1c",
        },
        // MudBlazor's dark secondary text (white at 50%) and primary fall short of 4.5:1 on its dark surfaces: lighter tones
        // pass, and filled chips and buttons in those light tones take dark text (Material's dark-theme pattern).
        PaletteDark = new PaletteDark
        {
            Primary = "#9fa8da", Secondary = "#80cbc4", TextSecondary = "rgba(255,255,255,0.72)",
            Info = "#64b5f6", Success = "#81c784", Warning = "#ffb74d", Error = "#ef9a9a",
            PrimaryContrastText = OnLight, SecondaryContrastText = OnLight, InfoContrastText = OnLight,
            SuccessContrastText = OnLight, WarningContrastText = OnLight, ErrorContrastText = OnLight,
            TableStriped = "rgba(255,255,255,0.05)", TableHover = "rgba(255,255,255,0.08)",
            // Text-variant alerts write in the "darken" tone over a faint tint of the colour: on a dark surface that tone
            // must be lighter, not darker, to stay readable (the preview's "Locked list" banner failed axe otherwise).
            InfoDarken = "#bbdefb", SuccessDarken = "#c8e6c9", WarningDarken = "#ffe0b2", ErrorDarken = "#ffcdd2",
            // "Dark" marks the strongest neutral (the Locked badges): on a dark surface that is a light grey.
            Dark = "#e0e0e0", DarkContrastText = OnLight,
        },
    };
}
