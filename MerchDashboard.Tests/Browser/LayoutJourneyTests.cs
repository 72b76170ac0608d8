using Microsoft.Playwright;

namespace MerchDashboard.Tests.Browser;

/// <summary>The editor and the dashboards at a phone's width (390 px, an iPhone 14) and on a desktop (1440 px).</summary>
public sealed class LayoutJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string EditorSku = "LAP-0009";

    /// <summary>Every box matching the selector, as [left, top, right, bottom], with the viewport's width and height.</summary>
    private const string BoxesScript = """
        selector => ({
            width: innerWidth, height: innerHeight,
            boxes: [...document.querySelectorAll(selector)].filter(e => e.offsetParent !== null)
                .map(e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }),
        })
        """;

    public static TheoryData<int, int> Viewports => new() { { 390, 844 }, { 1440, 900 } };

    [Theory]
    [MemberData(nameof(Viewports))]
    public Task Editor_PhoneAndDesktop_NoSidewaysScrollAndTheDatePickerFitsTheScreen(int width, int height) =>
        JourneyAsync($"editor-layout-{width}", async () =>
    {
        var page = await OpenAsync("merch", $"/suggestions/{EditorSku}", new ViewportSize { Width = width, Height = height });
        await page.Locator("[data-testid=final-list] [data-testid=slot-1]").WaitForAsync();
        await AssertNoHorizontalOverflowAsync(page);

        // Slot cards stay readable: the product name gets a real line, not a sliver beside the buttons.
        var names = await BoxesAsync(page, "[data-testid=final-list] [data-testid=slot-name]");
        names.Boxes.ShouldNotBeEmpty();
        names.Boxes.ShouldAllBe(b => b[2] - b[0] > 0 && b[2] <= names.Width);
        var textBlocks = await BoxesAsync(page, "[data-testid=final-list] .slot-text");
        textBlocks.Boxes.ShouldAllBe(b => b[2] - b[0] >= Math.Min(200, width / 2), "the text block of a slot card keeps at least 200 px");

        // Header items do not collide: the product name, its status chip and the app bar's controls.
        await AssertApartAsync(page, "[data-testid=anchor] h5", "[data-testid=anchor] [data-testid=list-status]");
        await AssertApartAsync(page, ".app-title", "[data-testid=theme-menu]");
        await AssertApartAsync(page, ".app-title", "[data-testid=sign-out]");
        if (width < 600)
        {
            await ShotAsync(page, "editor-phone");
        }

        await page.GetByLabel("Open the start date calendar").ClickAsync();
        var days = page.Locator(".mud-picker-calendar-content button.mud-day:not([disabled])");
        await days.First.WaitForAsync();
        var picker = await BoxesAsync(page, ".mud-picker-calendar-container, .mud-picker-calendar-header, .mud-picker-calendar-content");
        picker.Boxes.ShouldNotBeEmpty();
        picker.Boxes.ShouldAllBe(b => b[0] >= 0 && b[1] >= 0 && b[2] <= picker.Width && b[3] <= picker.Height,
            $"the calendar lies within the {width}x{height} viewport: {Describe(picker.Boxes)}");
        var weekdays = await BoxesAsync(page, ".mud-picker-calendar-header .mud-day-label, .mud-picker-calendar-header-day");
        weekdays.Boxes.Count.ShouldBe(7, "all seven weekday columns are shown");
        weekdays.Boxes.ShouldAllBe(b => b[2] <= weekdays.Width);
        await AssertInViewAsync(page, ".mud-picker-nav-button-next");
        await AssertInViewAsync(page, ".mud-picker-nav-button-prev");
        await ShotAsync(page, $"editor-date-picker-{width}");
    });

    [Theory]
    [MemberData(nameof(Viewports))]
    public Task Dashboards_PhoneAndDesktop_RangePickerShowsItsMonthsAndArrows(int width, int height) =>
        JourneyAsync($"dashboards-layout-{width}", async () =>
    {
        var page = await OpenAsync("manager", "/dashboards", new ViewportSize { Width = width, Height = height });
        await page.Locator("[data-testid=chart-weekly-aov-canvas]").WaitForAsync();
        await AssertNoHorizontalOverflowAsync(page);

        await page.Locator("input[data-testid=filter-dates], [data-testid=filter-dates] input").First.ClickAsync();
        await page.Locator(".mud-picker-calendar-content button.mud-day:not([disabled])").First.WaitForAsync();
        var months = await BoxesAsync(page, ".mud-picker-calendar-content");
        months.Boxes.Count.ShouldBe(width < 600 ? 1 : 2, "two months side by side on a desktop, one on a phone");
        months.Boxes.ShouldAllBe(b => b[0] >= 0 && b[2] <= months.Width && b[3] <= months.Height, Describe(months.Boxes));
        await AssertInViewAsync(page, ".mud-picker-nav-button-next");
        await AssertInViewAsync(page, ".mud-picker-nav-button-prev");
        await ShotAsync(page, $"dashboards-range-picker-{width}");
    });

    private static async Task AssertNoHorizontalOverflowAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, innerWidth]");
        widths[0].ShouldBeLessThanOrEqualTo(widths[1], "the page scrolls sideways");
    }

    private static async Task AssertInViewAsync(IPage page, string selector)
    {
        var found = await BoxesAsync(page, selector);
        found.Boxes.ShouldNotBeEmpty($"{selector} is shown");
        found.Boxes.ShouldAllBe(b => b[0] >= 0 && b[1] >= 0 && b[2] <= found.Width && b[3] <= found.Height, $"{selector} at {Describe(found.Boxes)}");
    }

    private static async Task AssertApartAsync(IPage page, string first, string second)
    {
        var a = (await BoxesAsync(page, first)).Boxes.ShouldHaveSingleItem();
        var b = (await BoxesAsync(page, second)).Boxes.ShouldHaveSingleItem();
        var overlap = a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
        overlap.ShouldBeFalse($"{first} {Describe([a])} overlaps {second} {Describe([b])}");
    }

    private static async Task<ScreenBoxes> BoxesAsync(IPage page, string selector) => await page.EvaluateAsync<ScreenBoxes>(BoxesScript, selector);

    private static string Describe(IEnumerable<double[]> boxes) => string.Join(" ", boxes.Select(b => $"[{string.Join(",", b.Select(v => Math.Round(v)))}]"));

    private sealed record ScreenBoxes(int Width, int Height, List<double[]> Boxes);
}
