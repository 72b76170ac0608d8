using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace MerchDashboard.Tests.Browser;

public sealed class DashboardJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Chart = "chart-weekly-aov";

    [Fact]
    public Task Dashboards_ManagerChangesDatesAndArm_ChartsRedrawWithNewFigures() =>
        JourneyAsync(nameof(Dashboards_ManagerChangesDatesAndArm_ChartsRedrawWithNewFigures), async () =>
    {
        var page = await OpenAsync("manager", "/dashboards");
        await AssertChartDrawnAsync(page);
        await ShotAsync(page, "dashboards-cross-sell");
        await AssertAccessibleAsync(page);
        await OpenTabAsync(page, "Personalization", "chart-historical-clv", "dashboards-personalization");
        await OpenTabAsync(page, "Strategy comparison", "chart-trade-off", "dashboards-comparison");
        await OpenTabAsync(page, "Cross-sell", Chart, shot: null);
        var before = await FirstRowAsync(page);

        await page.Locator("input[data-testid=filter-dates], [data-testid=filter-dates] input").First.ClickAsync();
        var days = page.Locator(".mud-popover-open .mud-picker-calendar-content button.mud-day:not([disabled])");
        await days.First.WaitForAsync();
        await days.Nth(2).ClickAsync();
        await days.Nth(12).ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await AssertChartDrawnAsync(page);
        var afterDates = await FirstRowAsync(page);
        afterDates.ShouldNotBe(before, "a shorter date range starts in another week");

        await page.Locator("[data-testid=filter-arm]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new("^Control$") }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("arm=Control"));
        await AssertChartDrawnAsync(page);
        var afterArm = await FirstRowAsync(page);
        afterArm.Week.ShouldBe(afterDates.Week);
        afterArm.Value.ShouldNotBe(afterDates.Value, "one arm's orders average differently from all arms'");
        await ShotAsync(page, "dashboards-filtered");

    });

    private static async Task OpenTabAsync(IPage page, string tab, string chart, string? shot)
    {
        await page.Locator(".mud-tab").Filter(new() { HasText = tab }).ClickAsync();
        await AssertChartDrawnAsync(page, chart);
        if (shot is not null)
        {
            await ShotAsync(page, shot);
            await AssertAccessibleAsync(page);
        }
    }

    private static async Task AssertChartDrawnAsync(IPage page, string chart = Chart)
    {
        await page.WaitForFunctionAsync(
            "selector => { const c = document.querySelector(selector); return c != null && window.Chart && Chart.getChart(c) != null && c.width > 0; }",
            $"[data-testid={chart}-canvas]");
    }

    /// <summary>The chart's data-table view: first week and its average order value.</summary>
    private static async Task<(string Week, string Value)> FirstRowAsync(IPage page)
    {
        var table = page.Locator($"[data-testid={Chart}-table]");
        if (!await table.IsVisibleAsync())
        {
            await page.ClickAsync($"[data-testid={Chart}-toggle]");
        }
        var row = table.Locator("tbody tr").First;
        await row.WaitForAsync();
        var week = await row.Locator("th").InnerTextAsync();
        var value = await row.Locator("td").First.InnerTextAsync();
        await page.ClickAsync($"[data-testid={Chart}-toggle]");
        await table.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        return (week, value);
    }
}
