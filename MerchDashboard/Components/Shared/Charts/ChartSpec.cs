namespace MerchDashboard.Components.Shared.Charts;

public enum ChartKind
{
    Line,
    Bar,
    Scatter,
}

/// <summary>One series: its label, values aligned with the chart's labels (null = no value), and an optional color.</summary>
public sealed record ChartSeries(string Label, IReadOnlyList<double?> Values, string? Color = null, bool Dashed = false);

/// <summary>
/// What to draw, independent of Chart.js: labels along the x axis and one or more series. For a
/// scatter chart, <see cref="Points"/> are used instead (one point per label). <see cref="LabelTitle"/> names the
/// label column of the data table and the CSV (the x axis title when null, for line and bar charts); when the
/// labels stand for days, <see cref="LabelDays"/> holds them so the CSV writes ISO dates (yyyy-MM-dd).
/// </summary>
public sealed record ChartSpec(
    ChartKind Kind,
    IReadOnlyList<string> Labels,
    IReadOnlyList<ChartSeries> Series,
    string ValueFormat = "N2",
    string? XTitle = null,
    string? YTitle = null,
    IReadOnlyList<(double X, double Y)>? Points = null,
    string XFormat = "N2",
    string? LabelTitle = null,
    IReadOnlyList<DateOnly>? LabelDays = null)
{
    public static readonly string[] Palette = ["#3949ab", "#00897b", "#f4511e", "#8e24aa", "#fdd835", "#6d4c41"];
}
