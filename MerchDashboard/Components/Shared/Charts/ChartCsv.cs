using System.Globalization;
using MerchDashboard.Data.Export;
using MerchDashboard.Features.Store;

namespace MerchDashboard.Components.Shared.Charts;

/// <summary>
/// A chart's data as CSV for spreadsheets: every column named, days as ISO dates (yyyy-MM-dd), numbers invariant
/// (a decimal comma would split the column) and rounded by what they are: amounts (format C) to 2 decimals, rates
/// (format P, kept as fractions: 0.1234 is 12.34%) to 4, anything else to the decimals it is shown with (N0 counts
/// as integers). A column of amounts names the store currency in its header ("Average order value (GBP)"), since
/// the numbers carry no symbol.
/// </summary>
public static class ChartCsv
{
    public const int MoneyDecimals = 2;
    public const int RateDecimals = 4;

    public static string ToText(ChartSpec spec, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(culture);
        var currency = StoreCulture.CurrencyCodeOf(culture);
        string Header(string label, string format) => !format.StartsWith('C') || label.Contains(currency, StringComparison.Ordinal)
            ? label : $"{label} ({currency})";
        var labels = spec.LabelDays is { } days && days.Count == spec.Labels.Count
            ? days.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray()
            : spec.Labels;
        if (spec.Kind == ChartKind.Scatter)
        {
            return CsvExport.ToText(
                [LabelColumn(spec), Header(spec.XTitle ?? "x", spec.XFormat), Header(spec.YTitle ?? "y", spec.ValueFormat)],
                labels.Select((l, i) => (IReadOnlyList<string?>)[l, Number(spec.Points![i].X, spec.XFormat), Number(spec.Points[i].Y, spec.ValueFormat)]));
        }
        return CsvExport.ToText([LabelColumn(spec), .. spec.Series.Select(s => Header(s.Label, spec.ValueFormat))],
            labels.Select((l, i) => (IReadOnlyList<string?>)[l, .. spec.Series.Select(s => Number(s.Values[i], spec.ValueFormat))]));
    }

    /// <summary>The label column's name: never empty, so every column of the CSV has one.</summary>
    public static string LabelColumn(ChartSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.LabelTitle ?? (spec.Kind == ChartKind.Scatter ? null : spec.XTitle) ?? "Label";
    }

    /// <summary>How many decimals a value shown with this .NET format keeps in the CSV.</summary>
    public static int DecimalsOf(string format) => char.ToUpperInvariant(format.FirstOrDefault()) switch
    {
        'C' => MoneyDecimals,
        'P' => RateDecimals,
        _ => format.Length > 1 && int.TryParse(format.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var shown) ? shown : MoneyDecimals,
    };

    /// <summary>A missing or non-finite value is an empty cell rather than "NaN" or "∞" that spreadsheets read as text.</summary>
    private static string Number(double? value, string format) => value is { } v && double.IsFinite(v)
        ? Math.Round(v, DecimalsOf(format), MidpointRounding.AwayFromZero).ToString("F" + DecimalsOf(format).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
        : "";
}
