namespace MerchDashboard.Components.Shared.Charts;

/// <summary>Translates a <see cref="ChartSpec"/> into the configuration object Chart.js 4 expects.</summary>
internal static class ChartJsConfig
{
    private static readonly int[] DashPattern = [6, 4];

    public static object From(ChartSpec spec)
    {
        var type = spec.Kind switch { ChartKind.Bar => "bar", ChartKind.Scatter => "scatter", _ => "line" };
        object data = spec.Kind == ChartKind.Scatter
            ? new
            {
                datasets = spec.Labels.Select((label, i) => new
                {
                    label,
                    data = new[] { new { x = spec.Points![i].X, y = spec.Points[i].Y } },
                    backgroundColor = ChartSpec.Palette[i % ChartSpec.Palette.Length],
                    pointRadius = 8,
                }).ToArray(),
            }
            : new
            {
                labels = spec.Labels,
                datasets = spec.Series.Select((s, i) => new
                {
                    label = s.Label,
                    data = s.Values,
                    borderColor = s.Color ?? ChartSpec.Palette[i % ChartSpec.Palette.Length],
                    backgroundColor = s.Color ?? ChartSpec.Palette[i % ChartSpec.Palette.Length],
                    borderDash = s.Dashed ? DashPattern : [],
                    tension = 0.2,
                    spanGaps = true,
                    pointRadius = spec.Labels.Count > 40 ? 0 : 2,
                }).ToArray(),
            };
        return new
        {
            type,
            data,
            options = new
            {
                responsive = true,
                maintainAspectRatio = false,
                animation = false,
                plugins = new { legend = new { position = "bottom" } },
                scales = new
                {
                    x = new { title = new { display = spec.XTitle is not null, text = spec.XTitle ?? "" } },
                    y = new { title = new { display = spec.YTitle is not null, text = spec.YTitle ?? "" }, beginAtZero = spec.Kind == ChartKind.Bar },
                },
            },
        };
    }
}
