using Bunit;
using Microsoft.AspNetCore.Components;
using MerchDashboard.Engine.Metrics;
using MerchDashboard.Features.Dashboards;
using MerchDashboard.Tests.Engine.Metrics;
using MerchDashboard.Tests.TestSupport;
using MudBlazor;

namespace MerchDashboard.Tests.Features.Dashboards;

/// <summary>The strategy tab on <see cref="WithoutExperimentOrders"/>: six orders, all in one arm, Jan 1 to 14, 2024.</summary>
public class StrategyTabWithoutArmsTests : MudBunitContext
{
    public StrategyTabWithoutArmsTests() => SetRendererInfo(new RendererInfo("Server", true));

    private static ComparisonFigures Figures()
    {
        var orders = WithoutExperimentOrders.Orders;
        var withoutArms = DashboardCalculator.WithoutExperiment(orders, new DashboardFilter(WithoutExperimentOrders.From, WithoutExperimentOrders.To));
        withoutArms.ShouldNotBeNull();
        return new ComparisonFigures([], [], orders.Length, withoutArms);
    }

    [Fact]
    public void WithoutExperiment_OneArm_IsDetectedAndTwoArmsAreNot()
    {
        var filter = new DashboardFilter(WithoutExperimentOrders.From, WithoutExperimentOrders.To);
        DashboardCalculator.WithoutExperiment(WithoutExperimentOrders.Orders, filter)!.OnlyArm.ShouldBe(Arm.Control);
        DashboardCalculator.WithoutExperiment([], filter)!.OnlyArm.ShouldBeNull();
        OrderSummary[] twoArms = [.. WithoutExperimentOrders.Orders.Select((o, i) => i == 3 ? o with { Arm = Arm.Both } : o)];
        DashboardCalculator.WithoutExperiment(twoArms, filter).ShouldBeNull();
    }

    [Fact]
    public void ComparisonTab_NoArms_SaysSoAndShowsBeforeAfterAndSourceRevenue()
    {
        RenderMudProviders();

        var tab = Render<ComparisonTab>(p => p.Add(x => x.Figures, Figures()));

        var notice = tab.Find("[data-testid=no-experiment]").TextContent;
        notice.ShouldContain("Every selected order carries the same experiment arm (Control)");
        notice.ShouldContain("customerId");
        tab.Markup.ShouldNotContain("four arms");
        tab.FindAll("[data-testid=verdicts]").ShouldBeEmpty();
        tab.FindAll("[data-testid=comparison-table]").ShouldBeEmpty();
        tab.FindAll("[data-testid=chart-trade-off]").ShouldBeEmpty();
        // default change date: the middle of 14 days, Jan 8; before O1-O3 (AOV 60), after O4-O6 (AOV 80)
        var aov = tab.Find("[data-testid=before-after-aov]").TextContent;
        aov.ShouldContain("$60.00");
        aov.ShouldContain("$80.00");
        tab.Find("[data-testid=before-after-aov-change]").TextContent.ShouldStartWith("+$20.00");
        tab.Find("[data-testid=before-after-cross-sell]").TextContent.ShouldContain("+13.9 pts");
        tab.Find("[data-testid=chart-source-revenue]").ShouldNotBeNull();
    }

    [Fact]
    public async Task ComparisonTab_NoArms_AnotherChangeDateRecomputesBeforeAndAfter()
    {
        RenderMudProviders();
        var tab = Render<ComparisonTab>(p => p.Add(x => x.Figures, Figures()));

        var picker = tab.FindComponent<MudDatePicker>();
        await tab.InvokeAsync(() => picker.Instance.DateChanged.InvokeAsync(new DateTime(2024, 1, 4)));

        // before Jan 1-3: O1 100, O2 50 (AOV 75); after Jan 4-14: O3 30, O4 120, O5 40, O6 80 (AOV 67.50)
        tab.WaitForAssertion(() => tab.Find("[data-testid=before-after-aov-change]").TextContent.ShouldStartWith("-$7.50"));
        tab.Find("[data-testid=before-after-orders]").TextContent.ShouldContain("2 in 3 days");
        tab.Find("[data-testid=before-after-orders]").TextContent.ShouldContain("4 in 11 days");
    }
}
