using MerchDashboard.Data;
using MerchDashboard.Data.Entities;
using MerchDashboard.Features.DemoShop;
using MerchDashboard.Features.Storefront;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MerchDashboard.Tests.Browser;

/// <summary>The storefront widget in Chromium: on the demo shop (same origin), and embedded with a key that does not allow the page's origin.</summary>
public sealed class WidgetJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Laptop = "LAP-0001";

    [Fact]
    public Task DemoShop_Widget_RendersAccessiblyAndPostsImpressionAndClick() =>
        JourneyAsync(nameof(DemoShop_Widget_RendersAccessiblyAndPostsImpressionAndClick), async () =>
    {
        var page = await NewPageAsync();
        await page.GotoAsync(Url($"/demo-shop/{Laptop}"));
        var links = page.Locator("merch-frequently-bought-with section[aria-labelledby] ul li a");
        await Assertions.Expect(links.First).ToBeVisibleAsync();
        var count = await links.CountAsync();
        count.ShouldBeInRange(1, 4);
        (await page.Locator("merch-frequently-bought-with h2").TextContentAsync() ?? "").ShouldContain("Frequently bought with");
        (await links.First.Locator("img").GetAttributeAsync("alt")).ShouldNotBeNullOrWhiteSpace();
        (await links.First.Locator(".merch-fbw__price").TextContentAsync()).ShouldStartWith("$");
        var keyId = await DemoKeyIdAsync();
        await WaitForEventsAsync(keyId, StorefrontEventType.Impression, Laptop, count);
        await ShotAsync(page, "demo-shop");
        await AssertAccessibleAsync(page);

        var clicked = await links.First.GetAttributeAsync("data-sku");
        await links.First.ClickAsync();

        // Polled rather than awaited as a navigation event: the widget navigates up to 600 ms after the click, and a
        // commit that lands between WaitForURL's first check and its listener was missed once in CI.
        await Assertions.Expect(page).ToHaveURLAsync(Url($"/demo-shop/{clicked}"), new PageAssertionsToHaveURLOptions { Timeout = 30_000 });
        await Assertions.Expect(page.Locator($"[data-testid=demo-product][data-sku='{clicked}']")).ToBeVisibleAsync();
        await WaitForEventsAsync(keyId, StorefrontEventType.Click, Laptop, 1, clicked);
        (await VisitorIdAsync(page)).ShouldNotBeNullOrEmpty("the visitor id is kept in local storage");
    });

    [Fact]
    public Task Widget_KeyThatDoesNotAllowThePagesOrigin_RendersNothingAndLogs() =>
        JourneyAsync(nameof(Widget_KeyThatDoesNotAllowThePagesOrigin_RendersNothingAndLogs), async () =>
    {
        var (created, error) = await Fixture.App.Services.GetRequiredService<ApiKeyService>()
            .CreateAsync("widget elsewhere", "tests", [ApiKeyScopes.Publishable], ["https://shop.example"]);
        error.ShouldBeNull();
        var page = await NewPageAsync();
        var messages = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Console += (_, message) => messages.Enqueue(message.Text);
        await page.RouteAsync(Url("/embedding-shop"), route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "text/html",
            Body = $"""
                <!DOCTYPE html><html lang="en"><head><title>Another shop</title></head><body><h1>Another shop</h1>
                <merch-frequently-bought-with sku="{Laptop}" key="{created!.Key}" api="{Fixture.BaseUrl}"></merch-frequently-bought-with>
                <script src="{Url("/widget/frequently-bought-with.js")}"></script></body></html>
                """,
        }));

        await page.GotoAsync(Url("/embedding-shop"));

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Another shop");
        for (var attempt = 0; !messages.Any(m => m.Contains("merch-frequently-bought-with: the API refused the list (403)", StringComparison.Ordinal)); attempt++)
        {
            attempt.ShouldBeLessThan(60, $"the widget logs the refusal; console: {string.Join(" | ", messages)}");
            await Task.Delay(250);
        }
        (await page.Locator("merch-frequently-bought-with *").CountAsync()).ShouldBe(0, "a refused list renders nothing");
    });

    private async Task<int> DemoKeyIdAsync()
    {
        await using var db = await Fixture.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var stored = await db.AppSettings.SingleAsync(s => s.Key == DemoShopKey.SettingKey);
        return System.Text.Json.JsonDocument.Parse(stored.Value).RootElement.GetProperty("Id").GetInt32();
    }

    private async Task WaitForEventsAsync(int keyId, StorefrontEventType type, string anchor, int atLeast, string? sku = null)
    {
        var factory = Fixture.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync();
            var found = await db.StorefrontEvents.Where(e => e.ApiKeyId == keyId && e.Type == type)
                .Join(db.Products, e => e.ProductId, p => p.Id, (e, p) => new { p.Sku, e.AnchorProductId })
                .Join(db.Products, e => e.AnchorProductId, p => (int?)p.Id, (e, a) => new { e.Sku, Anchor = a.Sku })
                .CountAsync(e => e.Anchor == anchor && (sku == null || e.Sku == sku));
            if (found >= atLeast)
            {
                return;
            }
            attempt.ShouldBeLessThan(60, $"{atLeast} {type} event(s) of {anchor} should arrive in the events table");
            await Task.Delay(250);
        }
    }

    private static Task<string?> VisitorIdAsync(IPage page) => page.EvaluateAsync<string?>("() => localStorage.getItem('merch.visitorId')");
}
