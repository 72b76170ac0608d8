namespace MerchDashboard.Tests.Browser;

public sealed class ShellJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task SignIn_Manager_SeesTheStoreOverviewFromTheDatabase() => JourneyAsync(nameof(SignIn_Manager_SeesTheStoreOverviewFromTheDatabase), async () =>
    {
        var page = await OpenAsync("manager");

        (await page.Locator("[data-testid=kpi-orders-value]").InnerTextAsync()).ShouldBe("42,000");
        (await page.Locator("[data-testid=signed-in-user]").InnerTextAsync()).ShouldBe("manager");
        (await page.Locator("nav a[href='admin/users']").CountAsync()).ShouldBe(0, "a manager's navigation has no admin links");
        await ShotAsync(page, "home");
        await AssertAccessibleAsync(page);
    });

    [Fact]
    public Task SignIn_WrongPassword_SaysSoAndStaysSignedOut() => JourneyAsync(nameof(SignIn_WrongPassword_SaysSoAndStaysSignedOut), async () =>
    {
        var page = await OpenAsync(path: "/login");
        await page.FillAsync("input[name=username]", "merch");
        await page.FillAsync("input[name=password]", "not-the-password");
        await SubmitLoginAsync(page);
        await WaitInteractiveAsync(page);

        (await page.Locator("[data-testid=login-error]").InnerTextAsync()).ShouldContain("not right");
        await ShotAsync(page, "login");
        await AssertAccessibleAsync(page);
    });

    [Fact]
    public Task MiningPage_Admin_RunsMiningWithProgressAndShowsTheNewRun() => JourneyAsync(nameof(MiningPage_Admin_RunsMiningWithProgressAndShowsTheNewRun), async () =>
    {
        var page = await OpenAsync("admin", "/admin/mining");
        var runsBefore = await page.Locator("[data-testid=mining-runs] tbody tr").CountAsync();

        await page.ClickAsync("[data-testid=mine-now]");

        await page.Locator("[data-testid=mining-runs] tbody tr").Nth(runsBefore).WaitForAsync(new() { Timeout = 30_000 });
        (await page.Locator("[data-testid=mining-outcome]").InnerTextAsync()).ShouldContain("Mined 42,000 orders");
        await ShotAsync(page, "mining");
        await AssertAccessibleAsync(page);
    });
}
