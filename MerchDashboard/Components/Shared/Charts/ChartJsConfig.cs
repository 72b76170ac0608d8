using System.Globalization;
using MerchDashboard.Features.Store;

namespace MerchDashboard.Components.Shared.Charts;

/// <summary>
/// Translates a <see cref="ChartSpec"/> into the configuration object Chart.js 4 expects. Axis ticks and tooltips are
/// formatted in the browser with Intl.NumberFormat from <c>merchFormat</c> (charts.js turns it into callbacks):
/// the culture's name, its currency code (the store's) and per axis the style of the spec's .NET format.
/// </summary>
public static class ChartJsConfig
{
    private static readonly int[] DashPattern = [6, 4];

    /// <summary>How one axis's numbers are written: style decimal, currency or percent, with a fixed number of decimals.</summary>
    public sealed record AxisFormat(string Style, int Decimals);

    public sealed record NumberFormat(string Locale, string Currency, AxisFormat Y, AxisFormat? X);

    public static AxisFormat AxisFormatOf(string dotNetFormat)
    {
        var decimals = dotNetFormat.Length > 1 && int.TryParse(dotNetFormat.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : 2;
        return char.ToUpperInvariant(dotNetFormat.FirstOrDefault()) switch
        {
            'C' => new AxisFormat("currency", decimals),
            'P' => new AxisFormat("percent", decimals),
            _ => new AxisFormat("decimal", decimals),
        };
    }

    public static NumberFormat FormatOf(ChartSpec spec, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(culture);
        return new NumberFormat(string.IsNullOrEmpty(culture.Name) ? "en-US" : culture.Name, StoreCulture.CurrencyCodeOf(culture),
            AxisFormatOf(spec.ValueFormat), spec.Kind == ChartKind.Scatter ? AxisFormatOf(spec.XFormat) : null);
    }

    public static object From(ChartSpec spec, CultureInfo culture)
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
                merchFormat = FormatOf(spec, culture),
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
