using System.Net;

namespace MerchDashboard.Tests.Browser;

public sealed class AccessJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string PrinterSku = "PRT-0001";

    [Fact]
    public Task Staff_PreviewsButSeesNoEditControlsAndIsRefusedEveryEdit() => JourneyAsync(nameof(Staff_PreviewsButSeesNoEditControlsAndIsRefusedEveryEdit), async () =>
    {
        var page = await OpenAsync("staff", $"/preview/{PrinterSku}");
        await page.Locator("[data-testid=shopper-a-page] [data-testid=fbw-slots] [data-product]").First.WaitForAsync();

        await page.GotoAsync(Url($"/suggestions/{PrinterSku}"));
        await WaitInteractiveAsync(page);
        await page.Locator("[data-testid=final-list] [data-testid=slot-1]").WaitForAsync();
        (await page.Locator("[data-testid=read-only]").InnerTextAsync()).ShouldBe("Read only");
        foreach (var control in new[] { "list-actions", "pin", "lock", "exclude", "exclude-item", "undo", "revert" })
        {
            (await page.Locator($"[data-testid={control}]").CountAsync()).ShouldBe(0, $"staff must not see '{control}'");
        }
        (await page.Locator("[data-testid=final-list] button[aria-label^='Pin '], [data-testid=overrides] button").CountAsync()).ShouldBe(0);
        await ShotAsync(page, "editor-read-only");

        foreach (var path in new[] { "/rules", "/data", "/admin/users", "/admin/api-keys" })
        {
            await page.GotoAsync(Url(path));
            await WaitInteractiveAsync(page);
            await page.Locator("[data-testid=access-denied]").WaitForAsync();
            page.Url.ShouldContain("/denied", Case.Sensitive, $"staff opened {path}");
        }

        var export = await page.Context.APIRequest.GetAsync(Url("/data/export/curated-lists.csv"), new() { MaxRedirects = 0 });
        export.Status.ShouldBeOneOf((int)HttpStatusCode.Redirect, (int)HttpStatusCode.Forbidden);
        if (export.Status == (int)HttpStatusCode.Redirect)
        {
            export.Headers["location"].ShouldContain("/denied");
        }
        (await export.TextAsync()).ShouldNotContain("anchor_sku");
    });
}
