using Bunit;
using Microsoft.AspNetCore.Components;
using MerchDashboard.Engine.Clv;
using MerchDashboard.Engine.Metrics;
using MerchDashboard.Features.Dashboards;
using MerchDashboard.Tests.TestSupport;

namespace MerchDashboard.Tests.Features.Dashboards;

public class ClvPanelsTests : MudBunitContext
{
    public ClvPanelsTests() => SetRendererInfo(new RendererInfo("Server", true));

    private static readonly ClvPeriod Weeks = new(PeriodUnit.Week);

    /// <summary>Five repeat buyers silent for 30 weeks and five recent ones: half the customers inactive for six months.</summary>
    private static readonly CustomerRfm[] Customers =
    [
        .. Enumerable.Range(1, 5).Select(i => new CustomerRfm(i, 4, 10, 40, 20)),
        .. Enumerable.Range(6, 5).Select(i => new CustomerRfm(i, 4, 39, 40, 20)),
    ];

    private static ClvFigures Figures(BgNbdParameters parameters, ClvHoldoutCheck? holdout = null)
    {
        var gammaGamma = new GammaGammaParameters(6, 4, 15);
        var predictions = ClvPredictor.Predict(parameters, gammaGamma, Customers, Weeks, 12, 0.01);
        var result = new ClvAnalysisResult(new BgNbdFit(parameters, -100, Customers.Length, 50, ClvTrustCheck.AtBound(parameters).Count == 0),
            new GammaGammaFit(gammaGamma, -50, Customers.Length, 20, true), predictions, ClvSummary.Of(predictions));
        return new ClvFigures(result, null, new Dictionary<int, Arm>(), ClvTrustCheck.Of(parameters, Customers, Weeks), holdout,
            holdout is null ? "The selection spans 40 days; a holdout check needs at least 84 (…)" : null);
    }

    [Fact]
    public void ClvModelPanel_DropOutAtItsBound_WarnsInsteadOfCallingEverybodyActive()
    {
        var panel = Render<ClvModelPanel>(p => p.Add(x => x.Figures, Figures(new BgNbdParameters(0.5, 6, Math.Exp(-20), 2.5))));

        var warning = panel.Find("[data-testid=clv-degenerate]").TextContent;
        warning.ShouldContain("Do not trust these predictions");
        warning.ShouldContain("could not settle a");
        warning.ShouldContain("It calls 100% of the 5 repeat customers who have not bought for six months still active (50% of all customers");
        panel.FindAll("[data-testid=clv-summary]").ShouldBeEmpty();
        panel.Markup.ShouldNotContain("likely still active");
    }

    [Fact]
    public void ClvModelPanel_HealthyFit_SummarizesWithoutAWarning()
    {
        var panel = Render<ClvModelPanel>(p => p.Add(x => x.Figures, Figures(new BgNbdParameters(0.243, 4.414, 0.793, 2.426))));

        panel.FindAll("[data-testid=clv-degenerate]").ShouldBeEmpty();
        panel.Find("[data-testid=clv-summary]").TextContent.ShouldContain("50% of all customers have not bought for six months or more");
    }

    [Fact]
    public void ClvHoldoutPanel_Check_ShowsEachBucketAndTheVerdict()
    {
        var fit = new BgNbdFit(new BgNbdParameters(0.5, 6, 0.7, 2.5), -100, 3, 10, true);
        var check = new ClvHoldoutCheck(new DateOnly(2025, 3, 1), new DateOnly(2025, 5, 31), 13, fit,
            [new HoldoutBucket(0, false, 60, 0.25, 0.2), new HoldoutBucket(1, false, 40, 0.8, 1.0)], 100, 47, 52);

        var panel = Render<ClvHoldoutPanel>(p => p.Add(x => x.Figures, Figures(fit.Parameters, check)));

        panel.Find("[data-testid=clv-holdout-row-1]").TextContent.ShouldContain("0.80");
        panel.Find("[data-testid=clv-holdout-row-1]").TextContent.ShouldContain("1.00");
        // (47 − 52) / 52 = −9.6%: within the 20% the panel calls reliable
        panel.Find("[data-testid=clv-holdout-verdict]").TextContent.ShouldBe(
            "In all, the model predicted 47 orders from these 100 customers and they placed 52 (-10%): close enough to rely on the predictions.");
    }

    [Fact]
    public void ClvHoldoutPanel_ShortSelection_SaysWhyThereIsNoCheck()
    {
        var panel = Render<ClvHoldoutPanel>(p => p.Add(x => x.Figures, Figures(new BgNbdParameters(0.5, 6, 0.7, 2.5))));

        panel.Find("[data-testid=clv-holdout-empty]").TextContent.ShouldContain("a holdout check needs at least 84");
    }
}
