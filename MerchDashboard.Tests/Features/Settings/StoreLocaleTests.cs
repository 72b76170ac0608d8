using System.Globalization;
using MerchDashboard.Components.Shared.Charts;
using MerchDashboard.Features.Store;

namespace MerchDashboard.Tests.Features.Settings;

public class StoreLocaleTests
{
    [Theory]
    [InlineData("GBP", "en-GB", "£1,234.50")]
    [InlineData("GBP", "en-US", "£1,234.50")]
    [InlineData("EUR", "de-DE", "1.234,50 €")]
    [InlineData("EUR", "en-US", "€1,234.50")]
    [InlineData("USD", "en-US", "$1,234.50")]
    public void CreateCulture_StoreCurrency_FormatsAmountsWithItsSymbol(string currency, string culture, string expected)
    {
        var store = new StoreLocale(currency, culture).CreateCulture();

        1234.5m.ToString("C2", store).ShouldBe(expected);
        store.CurrencyCode.ShouldBe(currency);
        StoreCulture.CurrencyCodeOf(store).ShouldBe(currency);
    }

    [Theory]
    [InlineData("GBX", "en-GB", "'GBX' is not an ISO 4217 currency code")]
    [InlineData("pounds", "en-GB", "'pounds' is not an ISO 4217 currency code")]
    [InlineData("GBP", "english", "'english' is not a culture name")]
    [InlineData("GBP", "", "'' is not a culture name")]
    public void Validate_UnknownCodeOrCulture_SaysWhich(string currency, string culture, string reason) =>
        new StoreLocale(currency, culture).Validate().ShouldHaveSingleItem().ShouldStartWith(reason);

    [Fact]
    public void StoreOptionsValidator_ConfiguredUnknownCurrency_FailsNamingTheSection()
    {
        var result = new StoreOptionsValidator().Validate(null, new StoreOptions { Currency = "XYZ", Culture = "en-GB" });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("Store: 'XYZ' is not an ISO 4217 currency code");
    }

    [Fact]
    public void ChartJsConfig_PoundsChart_AsksTheBrowserForGbpOnTheAmountAxis()
    {
        var spec = new ChartSpec(ChartKind.Line, ["Jan 6"], [new ChartSeries("Average order value", [40.71])], ValueFormat: "C2");

        var format = ChartJsConfig.FormatOf(spec, new StoreLocale("GBP", "en-GB").CreateCulture());

        format.ShouldBe(new ChartJsConfig.NumberFormat("en-GB", "GBP", new ChartJsConfig.AxisFormat("currency", 2), null));
    }

    [Fact]
    public void ChartJsConfig_EuroScatter_FormatsBothAxes()
    {
        var spec = new ChartSpec(ChartKind.Scatter, ["control"], [], ValueFormat: "C0", Points: [(40.0, 120.0)], XFormat: "C2");

        var format = ChartJsConfig.FormatOf(spec, new StoreLocale("EUR", "de-DE").CreateCulture());

        format.ShouldBe(new ChartJsConfig.NumberFormat("de-DE", "EUR", new ChartJsConfig.AxisFormat("currency", 0), new ChartJsConfig.AxisFormat("currency", 2)));
    }

    [Fact]
    public void ChartTableCsv_AmountColumns_NameTheStoreCurrency()
    {
        var money = new ChartSpec(ChartKind.Line, ["2025-01-06"], [new ChartSeries("Average order value", [40.71])], ValueFormat: "C2", XTitle: "Week starting");
        var counts = new ChartSpec(ChartKind.Bar, ["0"], [new ChartSeries("Customers", [3])], ValueFormat: "N0", XTitle: "Repeat orders");
        var euros = new StoreLocale("EUR", "de-DE").CreateCulture();

        ChartTable.ToCsv(money, new StoreLocale("GBP", "en-GB").CreateCulture()).ShouldStartWith("Week starting,Average order value (GBP)");
        ChartTable.ToCsv(money, euros).ShouldStartWith("Week starting,Average order value (EUR)");
        // the numbers stay invariant whatever the culture: a decimal comma would split the column
        ChartTable.ToCsv(money, euros).ShouldContain("40.71");
        ChartTable.ToCsv(counts, euros).ShouldStartWith("Repeat orders,Customers");
    }

    [Fact]
    public void CurrencyCodeOf_PlainCulture_IsItsRegionsCurrency() =>
        StoreCulture.CurrencyCodeOf(CultureInfo.GetCultureInfo("en-GB")).ShouldBe("GBP");
}
