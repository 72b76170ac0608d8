using System.Globalization;
using MerchDashboard.Components.Shared.Charts;

namespace MerchDashboard.Tests.Components.Charts;

public class ChartCsvTests
{
    private static readonly CultureInfo Pounds = CultureInfo.GetCultureInfo("en-GB");
    private static readonly DateOnly[] Weeks = [new(2026, 1, 5), new(2026, 1, 12)];

    [Fact]
    public void ToText_WeeklyAmounts_IsoDatesAndTwoDecimals()
    {
        var spec = new ChartSpec(ChartKind.Line, ["Jan 5, 2026", "Jan 12, 2026"],
            [new ChartSeries("Average order value", [40.714_9, 1234.5])], ValueFormat: "C2", XTitle: "Week starting", LabelDays: Weeks);

        Lines(ChartCsv.ToText(spec, Pounds)).ShouldBe(["Week starting,Average order value (GBP)", "2026-01-05,40.71", "2026-01-12,1234.50"]);
    }

    [Fact]
    public void ToText_Rates_AreFractionsWithFourDecimals()
    {
        var spec = new ChartSpec(ChartKind.Line, ["w1", "w2"],
        [
            new ChartSeries("Attach rate", [0.123_456, 0.5]),
            new ChartSeries("Cross-sell revenue share", [1.0 / 3, null]),
        ], ValueFormat: "P1", XTitle: "Week starting", LabelDays: Weeks);

        Lines(ChartCsv.ToText(spec, Pounds)).ShouldBe(["Week starting,Attach rate,Cross-sell revenue share", "2026-01-05,0.1235,0.3333", "2026-01-12,0.5000,"]);
    }

    [Fact]
    public void ToText_CountsAndMissingValues_IntegersAndEmptyCells()
    {
        var spec = new ChartSpec(ChartKind.Bar, ["0", "1", "2"], [new ChartSeries("Customers", [3, double.NaN, 1_000_000])], ValueFormat: "N0", XTitle: "Repeat orders");

        Lines(ChartCsv.ToText(spec, Pounds)).ShouldBe(["Repeat orders,Customers", "0,3", "1,", "2,1000000"]);
    }

    [Fact]
    public void ToText_ScatterOfArms_EveryColumnNamed()
    {
        var spec = new ChartSpec(ChartKind.Scatter, ["Control", "Both"], [], ValueFormat: "C2",
            XTitle: "Average order value (GBP)", YTitle: "Predicted 12-month value per customer (GBP)",
            Points: [(52.456, 118.0), (61.0, 130.125)], XFormat: "C2", LabelTitle: "Experiment arm");

        Lines(ChartCsv.ToText(spec, Pounds)).ShouldBe(
        [
            "Experiment arm,Average order value (GBP),Predicted 12-month value per customer (GBP)",
            "Control,52.46,118.00",
            "Both,61.00,130.13",
        ]);
    }

    [Fact]
    public void ToText_GermanStore_NumbersKeepTheDecimalPoint()
    {
        var spec = new ChartSpec(ChartKind.Line, ["a"], [new ChartSeries("Average order value", [1234.5])], ValueFormat: "C2", XTitle: "Week starting");

        Lines(ChartCsv.ToText(spec, CultureInfo.GetCultureInfo("de-DE"))).ShouldBe(["Week starting,Average order value (EUR)", "a,1234.50"]);
    }

    [Theory]
    [InlineData(ChartKind.Line, null, null, "Label")]
    [InlineData(ChartKind.Line, "Week starting", null, "Week starting")]
    [InlineData(ChartKind.Scatter, "Average order value", null, "Label")]
    [InlineData(ChartKind.Scatter, "Average order value", "Experiment arm", "Experiment arm")]
    public void LabelColumn_NeverEmptyAndNeverTheScattersXAxis(ChartKind kind, string? xTitle, string? labelTitle, string expected) =>
        ChartCsv.LabelColumn(new ChartSpec(kind, [], [], XTitle: xTitle, LabelTitle: labelTitle)).ShouldBe(expected);

    private static string[] Lines(string csv) => csv.TrimEnd('\n').Split('\n');
}
