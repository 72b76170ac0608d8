using Microsoft.Playwright;

namespace MerchDashboard.Tests.Browser;

public sealed class ThemeJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    /// <summary>The page background's brightness (0-255): MudBlazor paints the body with the theme's background.</summary>
    private const string BackgroundBrightness =
        "() => { const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\\d+/g).map(Number); return (r + g + b) / 3; }";

    [Fact]
    public Task Theme_SystemDark_FollowedByDefaultAndAChoiceSurvivesAReload() =>
        JourneyAsync(nameof(Theme_SystemDark_FollowedByDefaultAndAChoiceSurvivesAReload), async () =>
    {
        var page = await OpenAsync("merch", "/suggestions/LAP-0001", colorScheme: ColorScheme.Dark);
        await page.Locator("[data-testid=final-list] [data-testid=slot-1]").WaitForAsync();
        await WaitForThemeAsync(page, "system-dark", dark: true);
        await ShotAsync(page, "editor-dark");
        await AssertAccessibleAsync(page);

        await ChooseAsync(page, "light", "light", dark: false);
        await ReloadAsync(page);
        (await BrightnessAsync(page)).ShouldBeGreaterThan(200, "a chosen light theme outlives the reload and beats the system's dark setting");
        await WaitInteractiveAsync(page);
        await WaitForThemeAsync(page, "light", dark: false);

        await ChooseAsync(page, "dark", "dark", dark: true);
        await ReloadAsync(page);
        (await BrightnessAsync(page)).ShouldBeLessThan(80, "the server's first paint already uses the remembered dark theme");
        await WaitInteractiveAsync(page);
        await WaitForThemeAsync(page, "dark", dark: true);

        await ChooseAsync(page, "system", "system-dark", dark: true);
        (await page.Context.CookiesAsync()).Single(c => c.Name == "merch-theme").Value.ShouldBe("system-dark");
    });

    [Fact]
    public Task Theme_DarkChosenOnALightSystem_DashboardsAndPreviewReadInDark() =>
        JourneyAsync(nameof(Theme_DarkChosenOnALightSystem_DashboardsAndPreviewReadInDark), async () =>
    {
        var page = await OpenAsync("merch", "/dashboards");
        await WaitForThemeAsync(page, "system-light", dark: false);
        await ChooseAsync(page, "dark", "dark", dark: true);
        await page.Locator("[data-testid=chart-weekly-aov-canvas]").WaitForAsync();
        await page.WaitForFunctionAsync(
            "() => { const c = document.querySelector('[data-testid=chart-weekly-aov-canvas]'); return c && window.Chart && Chart.getChart(c) && c.width > 0; }");
        // Chart.js paints axis labels and legends in the dark theme's secondary text color rather than its default grey.
        await page.WaitForFunctionAsync("""
            () => {
                const chart = Chart.getChart(document.querySelector('[data-testid=chart-weekly-aov-canvas]'));
                const themed = getComputedStyle(document.documentElement).getPropertyValue('--mud-palette-text-secondary').trim();
                return themed.length > 0 && chart.options.color === themed;
            }
            """);
        await ShotAsync(page, "dashboards-dark");
        await AssertAccessibleAsync(page);

        await page.GotoAsync(Url("/preview/RCC-0029"));
        await WaitInteractiveAsync(page);
        await page.Locator("[data-testid=locked-banner], [data-testid=fbw-slots]").First.WaitForAsync();
        (await BrightnessAsync(page)).ShouldBeLessThan(80);
        await ShotAsync(page, "preview-dark");
        await AssertAccessibleAsync(page);
    });

    private static async Task ChooseAsync(IPage page, string item, string expected, bool dark)
    {
        await page.Locator("[data-testid=theme-menu] button").First.ClickAsync();
        await page.Locator($"[data-testid=theme-{item}]").ClickAsync();
        await WaitForThemeAsync(page, expected, dark);
    }

    private static async Task WaitForThemeAsync(IPage page, string choice, bool dark)
    {
        await Assertions.Expect(page.Locator("[data-testid=theme-menu]")).ToHaveAttributeAsync("data-theme-choice", choice);
        await page.WaitForFunctionAsync($"() => ({BackgroundBrightness})() {(dark ? "< 80" : "> 200")}");
    }

    // The load event waits for the stylesheets the server's first paint uses, and comes before the circuit renders anything.
    private static async Task ReloadAsync(IPage page) =>
        await page.ReloadAsync(new PageReloadOptions { WaitUntil = WaitUntilState.Load });

    private static Task<double> BrightnessAsync(IPage page) => page.EvaluateAsync<double>(BackgroundBrightness);
}
