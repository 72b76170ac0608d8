using System.Globalization;
using MerchDashboard.Data.Export;

namespace MerchDashboard.Features.Experiments;

/// <summary>
/// The report as CSV, one row per KPI and arm (section "kpi") and per slot source (section "source"), with named
/// columns and the report's rounded numbers; empty cells where a value cannot be computed.
/// </summary>
public static class ExperimentCsv
{
    public static readonly IReadOnlyList<string> Header =
    [
        "section", "experiment", "kpi", "arm", "value", "ci_low", "ci_high", "sample_size",
        "difference_vs_control", "difference_ci_low", "difference_ci_high", "relative_change", "significant",
        "source", "impressions", "clicks", "ctr", "attributed_revenue",
    ];

    public static string Write(ExperimentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var name = report.Experiment.Name;
        var kpis = report.Kpis.SelectMany(k => k.Arms.Select(a => (IReadOnlyList<string?>)
        [
            "kpi", name, k.Kpi, a.Arm, N(a.Value), N(a.Low), N(a.High), N(a.SampleSize),
            N(a.Difference), N(a.DifferenceLow), N(a.DifferenceHigh), N(a.RelativeChange), a.Difference is null ? "" : a.Significant ? "yes" : "no",
            "", "", "", "", "",
        ]));
        var sources = report.Sources.Select(s => (IReadOnlyList<string?>)
        [
            "source", name, "ctr", "", N(s.ClickThroughRate), N(s.Low), N(s.High), N(s.Impressions),
            "", "", "", "", "",
            s.Source, N(s.Impressions), N(s.Clicks), N(s.ClickThroughRate), N(s.AttributedRevenue),
        ]);
        return CsvExport.ToText(Header, kpis.Concat(sources));
    }

    private static string N(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string N(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
