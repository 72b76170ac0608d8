using Microsoft.Playwright;

namespace MerchDashboard.Tests.Browser;

/// <summary>The editor and the dashboards at a phone's width (390 px, an iPhone 14) and on a desktop (1440 px).</summary>
public sealed class LayoutJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string EditorSku = "LAP-0009";
    private const string CalendarParts = ".mud-day-label, .mud-picker-nav-button-next, .mud-picker-nav-button-prev";

    /// <summary>The viewport's width and height, then left, top, right, bottom of every shown element matching the selector.</summary>
    private const string BoxesScript = """
        selector => [innerWidth, innerHeight, ...[...document.querySelectorAll(selector)].filter(e => e.offsetParent !== null)
            .flatMap(e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })]
        """;

    private const string CalendarSettledScript = """
        async () => {
            const box = () => { const p = [...document.querySelectorAll('.mud-picker-paper')].find(e => e.offsetParent !== null);
                return p ? JSON.stringify(p.getBoundingClientRect()) : null; };
            const before = box();
            await new Promise(resolve => setTimeout(resolve, 300));
            return before !== null && before === box();
        }
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
        var textBlocks = await BoxesAsync(page, "[data-testid=final-list] .slot-text");
        textBlocks.Boxes.Count.ShouldBe(6);
        textBlocks.Boxes.ShouldAllBe(b => b.Right - b.Left >= 200 && b.Right <= width, "the text of every slot card keeps at least 200 px");

        // Header items do not collide: the product name and its status chip, the app bar's title and its controls.
        await AssertApartAsync(page, "[data-testid=anchor] h5", "[data-testid=anchor] [data-testid=list-status]");
        await AssertApartAsync(page, ".app-title", "[data-testid=theme-menu] button");
        await AssertApartAsync(page, ".app-title", "[data-testid=sign-out]");
        await AssertApartAsync(page, "[data-testid=sign-out]", "[data-testid=theme-menu] button");
        if (width < 600)
        {
            await ShotAsync(page, "editor-phone");
        }

        await page.GetByLabel("Open the start date calendar").ClickAsync();
        await page.Locator(".mud-picker-calendar-content button.mud-day:not([disabled])").First.WaitForAsync();
        await AssertCalendarFitsAsync(page);
        (await BoxesAsync(page, ".mud-day-label")).Boxes.Count.ShouldBe(7, "all seven weekday columns are shown");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"editor-date-picker-{width}.png") });
    });

    [Theory]
    [MemberData(nameof(Viewports))]
    public Task Dashboards_PhoneAndDesktop_RangePickerShowsItsMonthsAndArrows(int width, int height) =>
        JourneyAsync($"dashboards-layout-{width}", async () =>
    {
        var page = await OpenAsync("manager", "/dashboards", new ViewportSize { Width = width, Height = height });
        await page.WaitForFunctionAsync(
            "() => { const c = document.querySelector('[data-testid=chart-weekly-aov-canvas]'); return c && window.Chart && Chart.getChart(c) && c.width > 0; }");
        await AssertNoHorizontalOverflowAsync(page);
        await ShotAsync(page, width < 600 ? "dashboards-phone" : "dashboards-light");

        await page.Locator("input[data-testid=filter-dates]").First.ClickAsync();
        await page.Locator(".mud-picker-calendar-content button.mud-day:not([disabled])").First.WaitForAsync();
        var months = width < 700 ? 1 : 2;
        // Seven weekday labels per month shown.
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-day-label")).ToHaveCountAsync(7 * months);
        await AssertCalendarFitsAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"dashboards-range-picker-{width}.png") });
    });

    /// <summary>The open calendar lies within the viewport, and its weekday labels and month arrows within the calendar.</summary>
    private static async Task AssertCalendarFitsAsync(IPage page)
    {
        try
        {
            // The calendar grows into place; measure once its box has stopped changing.
            await page.WaitForFunctionAsync(CalendarSettledScript, null, new PageWaitForFunctionOptions { Timeout = 5_000 });
        }
        catch (PlaywrightException)
        {
            // Still moving after 5 s: the measurements below say what lies where.
        }
        var paper = await BoxesAsync(page, ".mud-picker-paper");
        var calendar = paper.Boxes.ShouldHaveSingleItem("one calendar is open");
        paper.Inside(calendar).ShouldBeTrue($"the calendar {calendar} lies within the {paper.Width}x{paper.Height} viewport");
        var parts = await BoxesAsync(page, CalendarParts);
        parts.Boxes.ShouldNotBeEmpty();
        foreach (var part in parts.Boxes)
        {
            calendar.Contains(part).ShouldBeTrue($"{part} lies within the calendar {calendar}, not clipped by it");
        }
        (await BoxesAsync(page, ".mud-picker-nav-button-next")).Boxes.ShouldNotBeEmpty("the forward arrow is shown");
    }

    private static async Task AssertNoHorizontalOverflowAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, innerWidth]");
        widths[0].ShouldBeLessThanOrEqualTo(widths[1], "the page scrolls sideways");
    }

    private static async Task AssertApartAsync(IPage page, string first, string second)
    {
        var a = (await BoxesAsync(page, first)).Boxes.ShouldHaveSingleItem(first);
        var b = (await BoxesAsync(page, second)).Boxes.ShouldHaveSingleItem(second);
        a.Overlaps(b).ShouldBeFalse($"{first} {a} overlaps {second} {b}");
    }

    private static async Task<ScreenBoxes> BoxesAsync(IPage page, string selector)
    {
        var numbers = await page.EvaluateAsync<double[]>(BoxesScript, selector);
        var boxes = numbers.Skip(2).Chunk(4).Select(n => new Box(n[0], n[1], n[2], n[3])).ToList();
        return new ScreenBoxes(numbers[0], numbers[1], boxes);
    }

    private sealed record ScreenBoxes(double Width, double Height, IReadOnlyList<Box> Boxes)
    {
        public bool Inside(Box box) => box.Left >= 0 && box.Top >= 0 && box.Right <= Width && box.Bottom <= Height;
    }

    /// <summary>A rectangle in CSS pixels; half a pixel of tolerance absorbs sub-pixel rounding.</summary>
    private sealed record Box(double Left, double Top, double Right, double Bottom)
    {
        private const double Tolerance = 0.5;

        public bool Contains(Box other) => other.Left >= Left - Tolerance && other.Top >= Top - Tolerance
            && other.Right <= Right + Tolerance && other.Bottom <= Bottom + Tolerance;

        public bool Overlaps(Box other) => Left < other.Right - Tolerance && other.Left < Right - Tolerance
            && Top < other.Bottom - Tolerance && other.Top < Bottom - Tolerance;

        public override string ToString() => $"[{Left:0},{Top:0},{Right:0},{Bottom:0}]";
    }
}
