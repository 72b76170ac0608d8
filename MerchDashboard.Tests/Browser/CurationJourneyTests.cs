using System.Text.Json;
using MerchDashboard.Features.Storefront;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MerchDashboard.Tests.Browser;

public sealed class CurationJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string LaptopSku = "LAP-0001";
    private const string CameraSku = "CAM-0010";
    private const string LockUnlockSku = "LAP-0005";
    private const string RestoreSku = "LAP-0006";
    private const string TypedDatesSku = "LAP-0007";

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
        var reason = page.Locator("[data-testid=exclude-form] input");
        // The pin's live update re-renders the list; a click that lands during it may open nothing, so it is tried again.
        for (var attempt = 1; ; attempt++)
        {
            await page.Locator("[data-testid=final-list] [data-testid=slot-3] [data-testid=exclude]").ClickAsync();
            try
            {
                await reason.WaitForAsync(new() { Timeout = 5_000 });
                break;
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
        }
        await reason.FillAsync("Returned too often");
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

    [Fact]
    public Task Editor_PinThenLockTopNThenUnlock_GivesBackThePreLockListWithOnlyThePin() =>
        JourneyAsync(nameof(Editor_PinThenLockTopNThenUnlock_GivesBackThePreLockListWithOnlyThePin), async () =>
    {
        var page = await OpenAsync("merch", $"/suggestions/{LockUnlockSku}");
        var status = page.Locator("[data-testid=anchor] [data-testid=list-status]");
        await page.Locator("[data-testid=final-list] [data-testid=slot-3] button[aria-label^='Pin ']").ClickAsync();
        await Expect(page.Locator("[data-testid=final-list] [data-testid=slot-3] [data-testid=slot-source]")).ToHaveTextAsync("Pinned");
        await Expect(status).ToHaveTextAsync("Curated");
        var before = await SlotsAsync(page);

        await page.Locator("input[data-testid=top-n], [data-testid=top-n] input").First.FillAsync("4");
        await page.ClickAsync("[data-testid=lock-top]");
        await Expect(status).ToHaveTextAsync("Locked top 4");
        (await page.Locator("[data-testid=final-list] [data-testid=slot-locked]").CountAsync()).ShouldBe(4);
        (await SlotsAsync(page)).Select(s => s.Name).ShouldBe(before.Select(s => s.Name), "a lock freezes the list as shown");
        await Expect(page.Locator("[data-testid=override-row]")).ToHaveCountAsync(1);

        await page.ClickAsync("[data-testid=unlock]");
        await Expect(status).ToHaveTextAsync("Curated");
        await Expect(page.Locator("[data-testid=final-list] [data-testid=slot-locked]")).ToHaveCountAsync(0);
        // Same items, same sources: the lock left no pins behind, only the merchandiser's own pin at slot 3.
        (await SlotsAsync(page)).ShouldBe(before);
        await Expect(page.Locator("[data-testid=override-row]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=override-row]")).ToContainTextAsync("Pinned at slot 3");
    });

    [Fact]
    public Task History_RestoreAnEarlierVersionFromItsPreview_BringsBackTheExcludedItem() =>
        JourneyAsync(nameof(History_RestoreAnEarlierVersionFromItsPreview_BringsBackTheExcludedItem), async () =>
    {
        var page = await OpenAsync("merch", $"/suggestions/{RestoreSku}");
        var history = page.Locator("[data-testid=history-entry]");
        await page.Locator("[data-testid=final-list] [data-testid=slot-1] button[aria-label^='Pin ']").ClickAsync();
        await Expect(history).ToHaveCountAsync(1);
        var pinned = await SlotsAsync(page);

        var excluded = pinned[1].Name;
        await page.Locator("[data-testid=final-list] [data-testid=slot-2] [data-testid=exclude]").ClickAsync();
        await page.Locator("[data-testid=exclude-form] input").FillAsync("Out of season");
        await page.ClickAsync("[data-testid=exclude-confirm]");
        await Expect(history).ToHaveCountAsync(2);
        (await SlotsAsync(page)).Select(s => s.Name).ShouldNotContain(excluded);

        // Newest first: the second entry is the pin, before the exclusion.
        var pinEntry = history.Nth(1);
        await pinEntry.Locator("[data-testid=history-preview]").ClickAsync();
        var previewSlots = pinEntry.Locator("[data-testid=history-preview-slot]");
        await Expect(previewSlots).ToHaveCountAsync(pinned.Count);
        (await previewSlots.Nth(1).InnerTextAsync()).ShouldContain(excluded);
        await ShotAsync(page, "editor-history-preview");

        await pinEntry.Locator("[data-testid=history-restore]").ClickAsync();
        await Expect(history).ToHaveCountAsync(3);
        await Expect(history.First).ToContainTextAsync("Restored the list as it was after");
        (await SlotsAsync(page)).ShouldBe(pinned);
        await Expect(page.Locator("[data-testid=override-row]")).ToHaveCountAsync(1);
    });

    [Fact]
    public Task Override_TypedDates_AreSavedAsItsWindow() =>
        JourneyAsync(nameof(Override_TypedDates_AreSavedAsItsWindow), async () =>
    {
        var page = await OpenAsync("merch", $"/suggestions/{TypedDatesSku}");
        var search = page.Locator("input[data-testid=item-search], [data-testid=item-search] input").First;
        await search.FillAsync("PAP-0001");
        // The option of the finished search, not the first one the popover shows while it filters (a click on that one
        // can land on an element the search result replaces, and nothing is chosen).
        var option = page.Locator(".mud-popover-open [data-testid=item-option]").Filter(new() { HasText = "PAP-0001" });
        await Expect(option).ToHaveCountAsync(1);
        await option.ClickAsync();
        await Expect(search).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("PAP-0001"));
        var starts = page.Locator("input[data-testid=starts-on], [data-testid=starts-on] input").First;
        await starts.FillAsync("2026-12-24");
        await starts.PressAsync("Tab");
        var lastDay = page.Locator("input[data-testid=last-day], [data-testid=last-day] input").First;
        await lastDay.FillAsync("2026-12-31");
        await lastDay.PressAsync("Tab");
        await Expect(starts).ToHaveValueAsync("2026-12-24");
        await Expect(lastDay).ToHaveValueAsync("2026-12-31");
        await page.Locator("input[data-testid=override-note], [data-testid=override-note] input").First.FillAsync("Holiday bundle");
        await page.ClickAsync("[data-testid=add]");

        var row = page.Locator("[data-testid=override-row]").Filter(new() { HasText = "Holiday bundle" });
        await Expect(row).ToHaveCountAsync(1);
        // The last day is inclusive: the window ends at the start of the next day.
        await Expect(row).ToContainTextAsync("Dec 24, 2026 – Jan 1, 2027 00:00");
    });

    private static async Task<IReadOnlyList<(string Name, string Source)>> SlotsAsync(IPage page)
    {
        var names = await page.Locator("[data-testid=final-list] [data-testid=slot-name]").AllInnerTextsAsync();
        var sources = await page.Locator("[data-testid=final-list] [data-testid=slot-source]").AllInnerTextsAsync();
        sources.Count.ShouldBe(names.Count);
        return [.. names.Zip(sources)];
    }

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
