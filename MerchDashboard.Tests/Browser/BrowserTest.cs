using Deque.AxeCore.Playwright;
using MerchDashboard.Tests.TestSupport;
using Microsoft.Playwright;

namespace MerchDashboard.Tests.Browser;

/// <summary>
/// Helpers for journeys through the real UI: sign in through the form, wait for the circuit, take
/// screenshots, check accessibility. A failing journey leaves a screenshot and the page's console
/// errors in the test output.
/// </summary>
[Collection(BrowserJourneys.Name)]
public abstract class BrowserTest(BrowserFixture fixture) : IAsyncDisposable
{
    private readonly List<IBrowserContext> _contexts = [];
    private readonly List<string> _consoleErrors = [];

    protected BrowserFixture Fixture { get; } = fixture;

    protected string Url(string path) => Fixture.BaseUrl + path;

    /// <summary>
    /// A fresh browser session, signed in through the login form when a user is given; a desktop window unless a
    /// viewport is given, with the system's color scheme light unless told otherwise.
    /// </summary>
    protected async Task<IPage> OpenAsync(string? user = null, string path = "/", ViewportSize? viewport = null, ColorScheme colorScheme = ColorScheme.Light)
    {
        var page = await NewPageAsync(viewport, colorScheme);
        if (user is not null)
        {
            await page.GotoAsync(Url("/login"));
            await WaitInteractiveAsync(page);
            await page.FillAsync("input[name=username]", user);
            await page.FillAsync("input[name=password]", MerchAppFactory.DemoPassword);
            await SubmitLoginAsync(page);
        }
        await page.GotoAsync(Url(path));
        await WaitInteractiveAsync(page);
        return page;
    }

    /// <summary>A page in a fresh browser session whose console errors join a failed journey's report; nothing opened yet.</summary>
    protected async Task<IPage> NewPageAsync(ViewportSize? viewport = null, ColorScheme colorScheme = ColorScheme.Light)
    {
        if (BrowserFixture.MissingBrowserReason is { } reason)
        {
            Assert.Skip(reason);
        }
        var context = await Fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = viewport ?? new ViewportSize { Width = 1400, Height = 900 },
            ColorScheme = colorScheme,
        });
        context.SetDefaultTimeout(15_000);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _consoleErrors.Add($"[{page.Url}] {message.Text}");
            }
        };
        page.PageError += (_, error) => _consoleErrors.Add($"[{page.Url}] {error}");
        return page;
    }

    /// <summary>Posts the login form and waits for the page it redirects to.</summary>
    protected static async Task SubmitLoginAsync(IPage page)
    {
        await page.RunAndWaitForResponseAsync(() => page.ClickAsync("form[data-testid=login-form] button[type=submit]"),
            response => response.Url.Contains("/account/login", StringComparison.Ordinal));
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    /// <summary>Blazor Server: the websocket is up and the layout has rendered interactively.</summary>
    protected static Task WaitInteractiveAsync(IPage page) =>
        page.Locator("#interactive-marker[data-state=interactive]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });

    /// <summary>Runs a journey; on failure saves a screenshot of every open page and adds the console errors to the failure.</summary>
    protected async Task JourneyAsync(string name, Func<Task> journey)
    {
        if (BrowserFixture.MissingBrowserReason is { } reason)
        {
            Assert.Skip(reason);
        }
        try
        {
            await journey();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var shots = new List<string>();
            var failures = Path.Combine(BrowserFixture.ScreenshotFolder, "failures");
            Directory.CreateDirectory(failures);
            var i = 0;
            foreach (var page in _contexts.SelectMany(c => c.Pages))
            {
                var file = Path.Combine(failures, $"{name}-{++i}.png");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
                shots.Add($"{file} ({page.Url})");
            }
            throw new InvalidOperationException(
                $"Journey '{name}' failed: {ex.Message}\nScreenshots: {string.Join(", ", shots)}\nConsole errors:\n{string.Join("\n", _consoleErrors.DefaultIfEmpty("(none)"))}", ex);
        }
    }

    /// <summary>A full-page screenshot, taken from the top: scrolled, the fixed app bar would be pasted mid-page.</summary>
    protected static async Task ShotAsync(IPage page, string name)
    {
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"{name}.png"), FullPage = true });
    }

    /// <summary>No serious or critical axe-core violations on the page as it is now.</summary>
    protected static async Task AssertAccessibleAsync(IPage page)
    {
        var results = await page.RunAxe();
        var blocking = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        blocking.Count.ShouldBe(0, string.Join("\n", blocking.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => $"{n.Target} {Shorten(n.Html)}"))}")));
    }

    private static string Shorten(string? html) => html is null ? "" : html.Length <= 300 ? html : html[..300] + "…";

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }
}
