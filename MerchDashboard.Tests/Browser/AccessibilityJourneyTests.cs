namespace MerchDashboard.Tests.Browser;

public sealed class AccessibilityJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Theory]
    [InlineData("merch", "/", "[data-testid=kpi-orders-value]", "home")]
    [InlineData("merch", "/suggestions", "[data-testid=suggestions-table] tbody tr", "suggestions")]
    [InlineData("merch", "/suggestions/PRT-0018", "[data-testid=final-list] [data-testid=slot-1]", "editor-planted-problem")]
    [InlineData("merch", "/rules", "[data-testid=rules-table]", "rules")]
    [InlineData("staff", "/preview", "[data-testid=choose-product]", "preview-empty")]
    [InlineData("staff", "/preview/RCC-0029", "[data-testid=locked-banner]", "preview")]
    [InlineData("merch", "/preview/evaluation", "[data-testid=run-evaluation]", "preview-evaluation")]
    [InlineData("admin", "/admin/users", "h4", "admin-users")]
    [InlineData("admin", "/admin/api-keys", "h4", "admin-api-keys")]
    [InlineData("admin", "/admin/mining", "[data-testid=mining-runs]", "admin-mining")]
    public Task MainPage_SignedIn_HasNoSeriousAccessibilityViolations(string user, string path, string readySelector, string shot) =>
        JourneyAsync($"a11y-{shot}", async () =>
    {
        var page = await OpenAsync(user, path);
        await page.Locator(readySelector).First.WaitForAsync();
        await ShotAsync(page, shot);
        await AssertAccessibleAsync(page);
    });
}
