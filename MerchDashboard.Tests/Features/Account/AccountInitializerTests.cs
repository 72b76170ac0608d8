using System.Net;
using MerchDashboard.Data.Entities;
using MerchDashboard.Features.Account;
using MerchDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace MerchDashboard.Tests.Features.Account;

/// <summary>The app in Production over the same demo store: no demo accounts, the setup page instead.</summary>
public sealed class ProductionApp : IAsyncDisposable
{
    public MerchAppFactory Factory { get; } = new() { Environment = "Production" };

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}

public sealed class AccountInitializerTests(ProductionApp app) : IClassFixture<ProductionApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Initialize_ProductionWithDemoStore_NoDemoUsersAndSetupCreatesTheFirstAdmin()
    {
        var accounts = app.Factory.Services.GetRequiredService<AccountCommands>();
        var client = MerchAppFixture.NewClient(app.Factory);

        (await accounts.AnyUsersAsync()).ShouldBeFalse();
        using var login = await client.GetAsync("/login", Ct);
        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        login.Headers.Location!.OriginalString.ShouldEndWith("setup");

        var setupForm = await client.GetStringAsync("/setup", Ct);
        setupForm.ShouldContain("action=\"account/setup\"");
        var token = System.Text.RegularExpressions.Regex.Match(setupForm, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var created = await client.PostAsync("/account/setup", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["username"] = "owner", ["displayName"] = "Store Owner", ["password"] = "Owner-Pass-2026",
        }), Ct);

        created.Headers.Location!.OriginalString.ShouldBe("/");
        (await client.GetAsync("/admin/users", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK, "the new administrator is signed in");
        (await accounts.ListAsync()).Select(u => (u.User.UserName, u.Role)).ShouldBe([("owner", Roles.Admin)]);
        (await accounts.CreateFirstAdminAsync("second", "", "Second-Pass-2026")).Succeeded.ShouldBeFalse("setup runs once");
    }
}

[Collection(SharedMerchApp.Name)]
public sealed class DemoAccountTests(MerchAppFixture app)
{
    [Fact]
    public async Task Initialize_DevelopmentWithDemoStore_OneDemoUserPerRole()
    {
        // Other tests in the shared app add their own users; the demo accounts are the ones named in DemoUsers.
        var demoNames = AccountInitializer.DemoUsers.Select(d => d.UserName).ToHashSet();
        var users = (await app.Factory.Services.GetRequiredService<AccountCommands>().ListAsync()).Where(u => demoNames.Contains(u.User.UserName!)).ToList();

        users.Select(u => (u.User.UserName, u.Role)).Order().ShouldBe(
            [("admin", Roles.Admin), ("manager", Roles.Manager), ("merch", Roles.Merchandiser), ("staff", Roles.Staff)]);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        foreach (var (user, _) in users)
        {
            (await manager.CheckPasswordAsync(user, MerchAppFactory.DemoPassword)).ShouldBeTrue();
        }
    }
}
