using Bunit;
using MerchDashboard.Engine.Composition;
using MerchDashboard.Features.Curation;
using MerchDashboard.Tests.Engine.Composition;
using MerchDashboard.Tests.TestSupport;

namespace MerchDashboard.Tests.Features.Curation;

/// <summary>The editor's final list says in plain words why it is empty or short, instead of "No item can be shown".</summary>
public sealed class FinalListPanelTests : MudBunitContext
{
    private static readonly CatalogView NoBestSellers =
        GiftShop.Catalog with { BestSellers = new Dictionary<int, IReadOnlyList<int>>(), StoreBestSellers = [] };

    private IRenderedComponent<FinalListPanel> RenderPanel(ComposedList list, int slots)
    {
        RenderMudProviders();
        return Render<FinalListPanel>(p => p.Add(x => x.Composed, list).Add(x => x.Slots, slots));
    }

    [Fact]
    public void Render_EmptyList_ListsEveryReasonWithItsCount()
    {
        MinedCandidate[] mined = [new(GiftShop.BlueMug, 50, 0.03, 0.4, 9.0, 0.9), new(GiftShop.StripedMug, 30, 0.02, 0.3, 6.0, 0.8), new(GiftShop.SoldOutLantern, 20, 0.01, 0.1, 4.0, 0.5)];
        var list = GiftShop.Compose(GiftShop.WhiteMug, 4, mined, catalog: NoBestSellers);

        var panel = RenderPanel(list, 4);

        var notice = panel.Find("[data-testid=shortfall]");
        notice.TextContent.ShouldContain("Nothing can be shown for this product, because:");
        panel.FindAll("[data-testid=shortfall-reasons] li").Select(li => li.TextContent).ShouldBe(
        [
            "2 mined candidates are alternatives in 'Mugs' (set as alternatives)",
            "1 mined candidate is out of stock",
            "no complement rule covers 'Mugs' or this product's tags",
            "no best sellers of 'Kitchen' left: every one is already shown, unavailable, excluded or an alternative",
        ]);
        panel.Markup.ShouldNotContain("No item can be shown");
    }

    [Fact]
    public void Render_ShortList_SaysHowManySlotsAreFilled()
    {
        var list = GiftShop.Compose(GiftShop.RedBag, 3, [new(GiftShop.BlackBag, 40, 0.02, 0.3, 8.0, 0.9)], catalog: NoBestSellers);

        var panel = RenderPanel(list, 3);

        panel.Find("[data-testid=shortfall]").TextContent.ShouldContain("Only 1 of 3 slots can be filled, because:");
        panel.FindAll("[data-testid^=slot-]").ShouldNotBeEmpty();
    }

    [Fact]
    public void Render_FullList_ShowsNoShortfall()
    {
        var list = GiftShop.Compose(GiftShop.RedBag, 3, []);

        RenderPanel(list, 3).FindAll("[data-testid=shortfall]").ShouldBeEmpty();
    }
}
