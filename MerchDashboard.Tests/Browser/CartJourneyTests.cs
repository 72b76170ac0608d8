using Microsoft.Playwright;

namespace MerchDashboard.Tests.Browser;

public sealed class CartJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string ToyCarSku = "RCC-0029";
    private const string PhoneCaseSku = "PCS-0001";

    [Fact]
    public Task CartPreview_ToyCarAndPhoneCase_BatteriesFirstForEveryShopperAndFreeSlotsDiffer() =>
        JourneyAsync(nameof(CartPreview_ToyCarAndPhoneCase_BatteriesFirstForEveryShopperAndFreeSlotsDiffer), async () =>
    {
        var page = await OpenAsync("staff", "/preview/cart");
        await Expect(page.Locator("[data-testid=cart-empty]")).ToBeVisibleAsync();

        await AddToCartAsync(page, ToyCarSku);
        await Expect(page.Locator("[data-testid=cart-item]")).ToHaveCountAsync(1);
        var anonymousFirst = page.Locator("[data-testid=cart-anonymous] [data-testid=cart-slot-1]");
        await Expect(anonymousFirst).ToContainTextAsync("Locked");
        (await anonymousFirst.GetAttributeAsync("data-product")).ShouldStartWith("BAT-");

        await AddToCartAsync(page, PhoneCaseSku);
        await Expect(page.Locator("[data-testid=cart-item]")).ToHaveCountAsync(2);
        await Expect(page.Locator("[data-testid=cart-anonymous] [data-testid=cart-slot-for]").Filter(new() { HasText = "case" }))
            .Not.ToHaveCountAsync(0);

        var anonymous = await SkusAsync(page, "cart-anonymous");
        var differing = 0;
        foreach (var (persona, label) in new[] { ("gamer", "Gamer"), ("photographer", "Photographer"), ("parent", "Parent") })
        {
            await page.ClickAsync($"[data-testid=cart-shopper-persona-{persona}]");
            await Expect(page.Locator("[data-testid=cart-shopper-summary]")).ToContainTextAsync(label);
            var personal = await SkusAsync(page, "cart-shopper-list");
            personal[0].ShouldBe(anonymous[0], $"the car's locked batteries come first for the {label} too");
            personal.ShouldNotContain(ToyCarSku);
            personal.ShouldNotContain(PhoneCaseSku);
            if (!personal.SequenceEqual(anonymous))
            {
                differing++;
                (await page.Locator("[data-testid=cart-shopper-list] [data-differs=true]").CountAsync()).ShouldBeGreaterThan(0);
                await ShotAsync(page, "cart-preview");
            }
        }
        differing.ShouldBeGreaterThan(0, "the free slots follow the shopper");
        await AssertAccessibleAsync(page);
    });

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static async Task AddToCartAsync(IPage page, string sku)
    {
        var input = page.Locator("input[data-testid=cart-add], [data-testid=cart-add] input").First;
        await input.ClickAsync();
        await input.FillAsync(sku);
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = sku }).First.ClickAsync();
    }

    private static async Task<List<string>> SkusAsync(IPage page, string side)
    {
        var slots = page.Locator($"[data-testid={side}] [data-testid^=cart-slot-][data-product]");
        await Expect(slots.First).ToBeVisibleAsync();
        var skus = new List<string>();
        foreach (var slot in await slots.AllAsync())
        {
            skus.Add((await slot.GetAttributeAsync("data-product"))!);
        }
        return skus;
    }
}
