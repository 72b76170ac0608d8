using Bunit;
using MerchDashboard.Engine.Metrics;
using MerchDashboard.Features.Dashboards;
using MerchDashboard.Features.Serving;
using MerchDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace MerchDashboard.Tests.Features.Dashboards;

/// <summary><see cref="DashboardTestStore"/> imported once for a test class; tests only read it.</summary>
public sealed class DashboardTestStoreFixture : IAsyncLifetime
{
    public SqliteTestDatabase Database { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        Database = await SqliteTestDatabase.CreateAsync();
        var report = await Database.CreateImporter().ImportAsync(DashboardTestStore.Files());
        report.Succeeded.ShouldBeTrue(string.Join("\n", report.Problems));
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}

/// <summary>The page over <see cref="DashboardTestStore"/>: every expected figure is worked out in the comments.</summary>
public class DashboardsPageTests(DashboardTestStoreFixture store) : MudBunitContext, IClassFixture<DashboardTestStoreFixture>, IAsyncLifetime
{
    public async ValueTask InitializeAsync()
    {
        Services.AddDashboardServices(store.Database);
        await Services.GetRequiredService<StoreSnapshotService>().ReloadAllAsync(Xunit.TestContext.Current.CancellationToken);
        SetRendererInfo(new RendererInfo("Server", true));
    }

    private static string Kpi(IRenderedComponent<DashboardsPage> page, string id) => page.Find($"[data-testid=kpi-{id}-value]").TextContent;

    private static Task ChangeFilterAsync(IRenderedComponent<DashboardsPage> page, Func<DashboardFilter, DashboardFilter> change)
    {
        var bar = page.FindComponent<DashboardFilterBar>();
        return page.InvokeAsync(() => bar.Instance.FilterChanged.InvokeAsync(change(bar.Instance.Filter)));
    }

    [Fact]
    public void CrossSellTab_AllOrders_ShowsHandComputedKpis()
    {
        var page = Render<DashboardsPage>();

        page.WaitForAssertion(() => Kpi(page, "aov").ShouldBe("$40.71"), TimeSpan.FromSeconds(10));
        // revenue 40 + 50 + 55 + 20 + 70 + 20 + 30 = 285 over 7 orders; units 3+1+2+1+3+4+1 = 15
        Kpi(page, "units").ShouldBe("2.14");
        // cross-sell lines: 2 × 5 (O1) + 5 (O3) + 30 (O5) = 45 of 285
        Kpi(page, "cross-sell-share").ShouldBe("15.8%");
        // anchors: O1 RC-1 with BAT-1 ✓, O2 RC-2 ✗, O3 RC-2 with BAT-1 ✓, O4 KIT-1 ✗, O5 KIT-1 ✓ and RC-1 ✓, O7 RC-1 ✗: 4 of 7
        Kpi(page, "attach").ShouldBe("57.1%");
    }

    [Fact]
    public async Task CrossSellTab_ArmFilterControl_ShowsOnlyControlOrders()
    {
        var page = Render<DashboardsPage>();
        page.WaitForAssertion(() => Kpi(page, "aov").ShouldBe("$40.71"), TimeSpan.FromSeconds(10));

        await ChangeFilterAsync(page, f => f with { Arm = Arm.Control });

        // control: O1 (40, 3 units), O6 (20, 4 units), O7 (30, 1 unit)
        page.WaitForAssertion(() => Kpi(page, "aov").ShouldBe("$30.00"), TimeSpan.FromSeconds(10));
        Kpi(page, "units").ShouldBe("2.67");
        Kpi(page, "cross-sell-share").ShouldBe("11.1%");
        Kpi(page, "attach").ShouldBe("50.0%");
        Services.GetRequiredService<NavigationManager>().Uri.ShouldContain("arm=Control");
    }

    [Fact]
    public async Task CrossSellTab_DateRangeFilter_ShowsOnlyOrdersInTheRange()
    {
        var page = Render<DashboardsPage>();
        page.WaitForAssertion(() => Kpi(page, "aov").ShouldBe("$40.71"), TimeSpan.FromSeconds(10));

        await ChangeFilterAsync(page, f => f with { From = new DateOnly(2025, 2, 1), To = new DateOnly(2025, 3, 5) });

        // O3 (55, 2 units, 5 cross-sell), O4 (20, 1 unit), O5 (70, 3 units, 30 cross-sell): 145 / 3
        page.WaitForAssertion(() => Kpi(page, "aov").ShouldBe("$48.33"), TimeSpan.FromSeconds(10));
        Kpi(page, "units").ShouldBe("2.00");
        Kpi(page, "cross-sell-share").ShouldBe("24.1%");
        // O3 RC-2 ✓, O4 KIT-1 ✗, O5 KIT-1 ✓ RC-1 ✓: 3 of 4
        Kpi(page, "attach").ShouldBe("75.0%");
    }

    [Fact]
    public async Task CategoryFilter_Batteries_CountsWholeOrdersContainingABattery()
    {
        var page = Render<DashboardsPage>();
        page.WaitForAssertion(() => Kpi(page, "aov").ShouldBe("$40.71"), TimeSpan.FromSeconds(10));
        var batteries = (await Services.GetRequiredService<DashboardQueries>().FactsAsync()).Categories.Single(c => c.Name == "Batteries").Id;

        await ChangeFilterAsync(page, f => f with { CategoryId = batteries });

        // O1 (40), O3 (55), O6 (20) contain BAT-1: 115 / 3
        page.WaitForAssertion(() => Kpi(page, "aov").ShouldBe("$38.33"), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task PersonalizationTab_ArmFilter_ChangesRepeatFigures()
    {
        var page = Render<DashboardsPage>();
        WaitUntilLoaded(page);

        page.FindAll(".mud-tab")[1].Click();

        // five customers, C1 and C2 ordered twice: 2 / 5; 7 orders / 5 customers
        page.WaitForAssertion(() => Kpi(page, "repeat").ShouldBe("40.0%"), TimeSpan.FromSeconds(10));
        Kpi(page, "frequency").ShouldBe("1.40 orders");
        page.Find("[data-testid=cohort-heatmap]").TextContent.ShouldContain("Jan 2025");
        // C1 and C2 are the only repeat buyers: too few for the CLV models, which the panel says instead of showing numbers
        page.WaitForAssertion(() => page.Find("[data-testid=clv-model-empty]").TextContent.ShouldStartWith("Only 2 customers bought again"), TimeSpan.FromSeconds(10));
        page.FindAll("[data-testid=table-top-customers]").ShouldBeEmpty();

        await ChangeFilterAsync(page, f => f with { Arm = Arm.Control });

        // control: C1 (2 orders), C5 (1): 1 / 2; 3 orders / 2 customers
        page.WaitForAssertion(() => Kpi(page, "repeat").ShouldBe("50.0%"), TimeSpan.FromSeconds(10));
        Kpi(page, "frequency").ShouldBe("1.50 orders");
    }

    [Fact]
    public void ComparisonTab_ShowsTheFourArms()
    {
        var page = Render<DashboardsPage>();
        WaitUntilLoaded(page);

        page.FindAll(".mud-tab")[2].Click();

        // AOV per arm: control (40 + 20 + 30) / 3, cross-sell (50 + 55) / 2, personalization 20, both 70
        page.WaitForAssertion(() => page.Find("[data-testid=value-AverageOrderValue-Control]").TextContent.ShouldBe("$30.00"), TimeSpan.FromSeconds(10));
        page.Find("[data-testid=value-AverageOrderValue-CrossSell]").TextContent.ShouldBe("$52.50");
        page.Find("[data-testid=value-AverageOrderValue-Personalization]").TextContent.ShouldBe("$20.00");
        page.Find("[data-testid=value-AverageOrderValue-Both]").TextContent.ShouldBe("$70.00");
        page.Find("[data-testid=verdicts]").TextContent.ShouldContain("Cross-sell + personalization");
    }

    /// <summary>The first tab has its figures: the page has stopped re-rendering, so a tab's click handler stays current.</summary>
    private static void WaitUntilLoaded(IRenderedComponent<DashboardsPage> page)
    {
        page.WaitForAssertion(() => page.FindAll(".mud-tab").Count.ShouldBe(3), TimeSpan.FromSeconds(10));
        page.WaitForAssertion(() => Kpi(page, "aov").ShouldNotBeNullOrEmpty(), TimeSpan.FromSeconds(10));
    }
}
