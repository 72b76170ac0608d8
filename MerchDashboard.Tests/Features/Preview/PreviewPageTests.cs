using Bunit;
using MerchDashboard.Features.Preview;
using MerchDashboard.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace MerchDashboard.Tests.Features.Preview;

[Collection(DemoStoreGroup.Name)]
public class PreviewPageTests : MudBunitContext
{
    private readonly PreviewServices _store;

    public PreviewPageTests(DemoStoreFixture demo)
    {
        _store = new PreviewServices(demo);
        Services.AddSingleton(demo.Snapshots);
        Services.AddSingleton(_store.Shoppers);
        Services.AddSingleton(_store.Previewer);
        Services.AddSingleton<TimeProvider>(new FixedTime(PreviewServices.AsOf));
        RenderMudProviders();
    }

    private IRenderedComponent<PreviewPage> RenderPage(string sku) => Render<PreviewPage>(p => p.Add(x => x.Sku, sku));

    private static string[] RecommendedSkus(IRenderedComponent<PreviewPage> page, string side = "shopper-a") =>
        [.. page.FindAll($"[data-testid={side}-page] [data-testid=recommended-item]").Select(e => e.GetAttribute("data-product")!)];

    private static void TurnOnComparison(IRenderedComponent<PreviewPage> page) => page.Find("input[type=checkbox]").Change(true);

    [Fact]
    public void PreviewPage_ChoosePersona_TheBlocksFollowTheShopper()
    {
        var page = RenderPage("LAP-0017");
        var visitorRecommendations = RecommendedSkus(page);
        page.FindAll("[data-testid=shopper-a-page] [data-testid=recommended-item]").ShouldAllBe(e => e.TextContent.Contains("Best seller"));

        page.Find("[data-testid=shopper-a-persona-gamer]").Click();

        page.Find("[data-testid=shopper-a-summary]").TextContent.ShouldContain("Gamer");
        RecommendedSkus(page).ShouldNotBe(visitorRecommendations);
        page.FindAll("[data-testid=shopper-a-page] [data-testid=recommended-item]").ShouldContain(e => e.TextContent.Contains("Because you bought"));
        page.Find("[data-testid=shopper-a-page] [data-testid=product-name]").TextContent.ShouldBe(_store.Store.Snapshots.Current.ProductBySku("LAP-0017")!.Name);
        page.Find("[data-testid=shopper-a-page] [data-testid=stock-state]").TextContent.Trim().ShouldBe("In stock");
    }

    [Fact]
    public void PreviewPage_SideBySideUnlockedList_HighlightsExactlyTheDifferingSlots()
    {
        var page = RenderPage("CON-0003");
        TurnOnComparison(page);

        page.Find("[data-testid=shopper-a-persona-photographer]").Click();

        var console = _store.ProductId("CON-0003");
        var asOf = PreviewServices.AsOf;
        var expected = PreviewComparison.DifferingPositions(
            _store.Previewer.Preview(console, _store.Shoppers.Build(new ShopperChoice.Persona("photographer"), asOf), asOf)!.FrequentlyBoughtWith,
            _store.Previewer.Preview(console, _store.Shoppers.Build(new ShopperChoice.Persona("gamer"), asOf), asOf)!.FrequentlyBoughtWith);
        expected.ShouldNotBeEmpty();
        foreach (var side in new[] { "shopper-a", "shopper-b" })
        {
            var highlighted = page.FindAll($"[data-testid={side}-page] [data-differs=true]")
                .Select(e => int.Parse(e.GetAttribute("data-testid")!["slot-".Length..], System.Globalization.CultureInfo.InvariantCulture));
            highlighted.ShouldBe(expected, ignoreOrder: true);
        }
        page.FindAll("[data-testid=locked-banner]").ShouldBeEmpty();
    }

    [Fact]
    public void PreviewPage_SideBySideLockedList_ShowsTheBannerAndNoDifference()
    {
        var page = RenderPage("RCC-0029");
        TurnOnComparison(page);

        page.Find("[data-testid=shopper-a-persona-parent]").Click();

        page.FindAll("[data-testid=locked-banner]").Count.ShouldBe(2);
        page.FindAll("[data-differs=true]").ShouldBeEmpty();
        var left = page.FindAll("[data-testid=shopper-a-page] [data-testid^=slot-][data-product]").Select(e => e.GetAttribute("data-product"));
        var right = page.FindAll("[data-testid=shopper-b-page] [data-testid^=slot-][data-product]").Select(e => e.GetAttribute("data-product"));
        left.ShouldNotBeEmpty();
        left.ShouldBe(right);
    }

    [Fact]
    public void PreviewPage_NoProduct_AsksForOne()
    {
        var page = Render<PreviewPage>();

        page.Find("[data-testid=choose-product]").TextContent.ShouldContain("Choose a product");
        page.FindAll("[data-testid=shopper-a-page]").ShouldBeEmpty();
    }

    private sealed class FixedTime(DateTime utcNow) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utcNow, TimeSpan.Zero);
    }
}
