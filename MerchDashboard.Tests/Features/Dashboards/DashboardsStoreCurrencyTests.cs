using System.Globalization;
using Bunit;
using MerchDashboard.Features.Dashboards;
using MerchDashboard.Features.Serving;
using MerchDashboard.Features.Store;
using MerchDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace MerchDashboard.Tests.Features.Dashboards;

/// <summary>The dashboards in the store's currency, and their empty state, over <see cref="DashboardTestStore"/>.</summary>
public class DashboardsStoreCurrencyTests(DashboardTestStoreFixture store) : MudBunitContext, IClassFixture<DashboardTestStoreFixture>, IAsyncLifetime
{
    public async ValueTask InitializeAsync()
    {
        Services.AddDashboardServices(store.Database);
        await Services.GetRequiredService<StoreSnapshotService>().ReloadAllAsync(Xunit.TestContext.Current.CancellationToken);
        SetRendererInfo(new RendererInfo("Server", true));
    }

    private static string Kpi(IRenderedComponent<DashboardsPage> page, string id) => page.Find($"[data-testid=kpi-{id}-value]").TextContent;

    [Theory]
    // AOV 285 / 7 = 40.714…; revenue 285
    [InlineData("GBP", "en-GB", "£40.71", "£285 revenue")]
    [InlineData("EUR", "de-DE", "40,71 €", "285 € revenue")]
    public void CrossSellTab_StoreCurrency_ShowsEveryAmountInIt(string currency, string culture, string aov, string revenue)
    {
        CultureInfo.CurrentCulture = new StoreLocale(currency, culture).CreateCulture();

        var page = Render<DashboardsPage>();

        page.WaitForAssertion(() => Kpi(page, "aov").ShouldBe(aov), TimeSpan.FromSeconds(10));
        page.Find("[data-testid=kpi-aov]").TextContent.ShouldContain(revenue);
        page.Find("[data-testid=chart-weekly-aov]").TextContent.ShouldContain($"amounts in {currency}");
        page.Markup.ShouldNotContain("$");
    }

    [Fact]
    public async Task Page_FiltersSelectingNoOrder_SaysSoInsteadOfZeroes()
    {
        var page = Render<DashboardsPage>();
        page.WaitForAssertion(() => Kpi(page, "aov").ShouldBe("$40.71"), TimeSpan.FromSeconds(10));
        var bar = page.FindComponent<DashboardFilterBar>();

        await page.InvokeAsync(() => bar.Instance.FilterChanged.InvokeAsync(bar.Instance.Filter with { From = new DateOnly(2025, 6, 1), To = new DateOnly(2025, 6, 30) }));

        page.WaitForAssertion(() => page.Find("[data-testid=dashboards-no-match]").TextContent.ShouldContain("No order matches these filters"), TimeSpan.FromSeconds(10));
        page.FindAll("[data-testid=dashboard-tabs]").ShouldBeEmpty();
        page.Markup.ShouldNotContain("$0.00");

        await page.InvokeAsync(() => bar.Instance.FilterChanged.InvokeAsync(bar.Instance.Filter with { From = new DateOnly(2025, 1, 1), To = new DateOnly(2025, 3, 31) }));

        page.WaitForAssertion(() => Kpi(page, "aov").ShouldBe("$40.71"), TimeSpan.FromSeconds(10));
        page.FindAll("[data-testid=dashboards-no-match]").ShouldBeEmpty();
    }
}
