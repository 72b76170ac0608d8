using MerchDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MerchDashboard.Tests.Browser;

/// <summary>
/// The real app on Kestrel at a free loopback port (fresh database, demo store, demo accounts) and
/// Debian's Chromium driven by Playwright. Shared by the browser test collection.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private IPlaywright? _playwright;

    public MerchAppFactory App { get; } = new();
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryPaths.Root, "artifacts", "screenshots");

    /// <summary>
    /// Without Chromium (a developer machine that never installed it) the browser tests are skipped with
    /// the install command; in CI (the CI variable is set) they run and a missing browser fails them.
    /// </summary>
    public static string? MissingBrowserReason =>
        File.Exists(ChromiumPath) || Environment.GetEnvironmentVariable("CI") is "true" or "1"
            ? null
            : $"Chromium is not installed at {ChromiumPath}: apt-get install -y chromium (CI installs it)";

    public async ValueTask InitializeAsync()
    {
        if (MissingBrowserReason is not null)
        {
            return;
        }
        App.UseKestrel(0);
        App.StartServer();
        var addresses = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        Directory.CreateDirectory(ScreenshotFolder);
        // The whole suite shares two cores: Playwright's 5-second default for Expect is too tight under that load.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserJourneys : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
