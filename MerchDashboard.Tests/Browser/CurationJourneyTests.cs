using System.Text.Json;
using MerchDashboard.Features.Storefront;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MerchDashboard.Tests.Browser;

public sealed class CurationJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string LaptopSku = "LAP-0001";
    private const string CameraSku = "CAM-0010";

    [Fact]
    public Task Editor_PinExcludeLock_PreviewAndApiServeTheLockedListAndHistoryHasThreeChanges() =>
        JourneyAsync(nameof(Editor_PinExcludeLock_PreviewAndApiServeTheLockedListAndHistoryHasThreeChanges), async () =>
    {
        var page = await OpenAsync("merch", $"/suggestions/{LaptopSku}");
        var history = page.Locator("[data-testid=history-entry]");
        await Expect(history).ToHaveCountAsync(0);
        await ShotAsync(page, "editor");
        await AssertAccessibleAsync(page);

        await page.Locator("[data-testid=final-list] [data-testid=slot-2] button[aria-label^='Pin ']").ClickAsync();
        await Expect(history).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=final-list] [data-testid=slot-2] [data-testid=slot-source]")).ToHaveTextAsync("Pinned");

        var excluded = await page.Locator("[data-testid=final-list] [data-testid=slot-3] [data-testid=slot-name]").InnerTextAsync();
        await page.Locator("[data-testid=final-list] [data-testid=slot-3] [data-testid=exclude]").ClickAsync();
        await page.Locator("[data-testid=exclude-form] input").FillAsync("Returned too often");
        await page.ClickAsync("[data-testid=exclude-confirm]");
        await Expect(history).ToHaveCountAsync(2);
        await Expect(page.Locator("[data-testid=override-row]").Filter(new() { HasText = "Returned too often" })).ToHaveCountAsync(1);

        await page.ClickAsync("[data-testid=lock]");
        await Expect(history).ToHaveCountAsync(3);
        await Expect(page.Locator("[data-testid=anchor] [data-testid=list-status]")).ToHaveTextAsync("Locked");
        var editorNames = await page.Locator("[data-testid=final-list] [data-testid=slot-name]").AllInnerTextsAsync();
        editorNames.ShouldNotContain(excluded);
        (await history.AllInnerTextsAsync()).ShouldAllBe(entry => entry.Contains("merch", StringComparison.Ordinal));
        await ShotAsync(page, "editor-locked");

        var preview = await OpenAsync("merch", $"/preview/{LaptopSku}");
        await preview.Locator("input[data-testid=compare-switch], [data-testid=compare-switch] input").ClickAsync();
        await preview.ClickAsync("[data-testid=shopper-a-persona-photographer]");
        await preview.ClickAsync("[data-testid=shopper-b-persona-gamer]");
        await Expect(preview.Locator("[data-testid=shopper-b-summary]")).ToContainTextAsync("Gamer");
        await Expect(preview.Locator("[data-testid=shopper-a-summary]")).ToContainTextAsync("Photographer");
        var skusA = await SlotSkusAsync(preview, "shopper-a-page");
        var skusB = await SlotSkusAsync(preview, "shopper-b-page");
        skusA.ShouldBe(skusB);
        skusA.Count.ShouldBe(editorNames.Count);
        (await preview.Locator("[data-differs=true]").CountAsync()).ShouldBe(0);
        (await preview.Locator("[data-testid=locked-banner]").CountAsync()).ShouldBe(2);
        await ShotAsync(preview, "preview-side-by-side");
        await AssertAccessibleAsync(preview);

        using var json = await GetListFromApiAsync(LaptopSku);
        json.RootElement.GetProperty("mode").GetString().ShouldBe("locked");
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        items.Select(i => i.GetProperty("sku").GetString()).ShouldBe(skusA);
        items.ShouldAllBe(i => i.GetProperty("locked").GetBoolean());
        json.RootElement.GetProperty("lockedSlots").GetInt32().ShouldBe(items.Count);
    });

    [Fact]
    public Task Editor_AnotherSessionLocks_TheOpenPageShowsTheLockWithoutReloading() =>
        JourneyAsync(nameof(Editor_AnotherSessionLocks_TheOpenPageShowsTheLockWithoutReloading), async () =>
    {
        var watcher = await OpenAsync("admin", $"/suggestions/{CameraSku}");
        var watcherStatus = watcher.Locator("[data-testid=anchor] [data-testid=list-status]");
        await Expect(watcherStatus).ToHaveTextAsync("Auto");
        var watcherUrl = watcher.Url;

        var editor = await OpenAsync("merch", $"/suggestions/{CameraSku}");
        await editor.ClickAsync("[data-testid=lock]");
        await Expect(editor.Locator("[data-testid=anchor] [data-testid=list-status]")).ToHaveTextAsync("Locked");

        await Expect(watcherStatus).ToHaveTextAsync("Locked");
        await Expect(watcher.Locator("[data-testid=history-entry]")).ToHaveCountAsync(1);
        watcher.Url.ShouldBe(watcherUrl);
        (await watcher.EvaluateAsync<string>("() => performance.getEntriesByType('navigation').length.toString()")).ShouldBe("1");
    });

    private static async Task<IReadOnlyList<string?>> SlotSkusAsync(IPage page, string pageTestId) =>
        [.. await page.Locator($"[data-testid={pageTestId}] [data-testid=fbw-slots] [data-product]")
            .EvaluateAllAsync<string?[]>("slots => slots.map(s => s.getAttribute('data-product'))")];

    private async Task<JsonDocument> GetListFromApiAsync(string sku)
    {
        var keys = Fixture.App.Services.GetRequiredService<ApiKeyService>();
        var (created, error) = await keys.CreateAsync($"e2e-{Guid.NewGuid():N}", "e2e");
        created.ShouldNotBeNull(error);
        using var http = new HttpClient { BaseAddress = new Uri(Fixture.BaseUrl) };
        http.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, created.Key);
        using var response = await http.GetAsync(new Uri($"/api/v1/products/{sku}/frequently-bought-with", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
