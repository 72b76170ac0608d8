using MudBlazor;

namespace MerchDashboard.Components.Layout;

public static class AppTheme
{
    public static MudTheme Theme { get; } = new()
    {
        // Darker than MudBlazor's defaults so text in alerts and secondary text meets WCAG AA contrast (axe checks it).
        PaletteLight = new PaletteLight
        {
            Primary = "#3949ab", Secondary = "#00695c", AppbarBackground = "#283593",
            Info = "#0b5cad", Success = "#1b5e20", Warning = "#8a4b00", Error = "#b71c1c",
        },
        PaletteDark = new PaletteDark { Primary = "#7986cb", Secondary = "#4db6ac" },
    };
}
