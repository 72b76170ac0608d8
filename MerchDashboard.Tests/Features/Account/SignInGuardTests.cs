using System.Net;
using MerchDashboard.Data;
using MerchDashboard.Features.Account;
using MerchDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MerchDashboard.Tests.Features.Account;

/// <summary>
/// Sign-in in Production: guessing cannot lock the only administrator out of a browser they used before,
/// the answer never tells whether an account exists, one address is throttled, and no malformed post or
/// return URL ends in a 500. Each test uses its own client addresses (the throttle is per address).
/// </summary>
public sealed class SignInGuardTests(ProductionAppFixture app) : IClassFixture<ProductionAppFixture>
{
    private const string Password = "Right-Password-1";
    private const string Invalid = "/login?error=invalid&returnUrl=%2F";

    [Fact]
    public async Task SignIn_AccountLockedByGuessesElsewhere_TrustedBrowserStillSignsIn()
    {
        var admin = await CreateUserAsync(Roles.Admin);
        var trusted = AccountForms.Client(app.Factory, "198.51.100.1");
        (await AccountForms.SignInAsync(trusted, admin, Password)).ShouldBe("/");

        for (var i = 0; i < 6; i++)
        {
            (await AccountForms.SignInAsync(AccountForms.Client(app.Factory, $"203.0.113.{10 + i}"), admin, "wrong-guess-" + i)).ShouldBe(Invalid);
        }

        (await AccountForms.SignInAsync(AccountForms.Client(app.Factory, "203.0.113.99"), admin, Password))
            .ShouldBe(Invalid, "a browser never used by this account is locked out after repeated failures");
        (await AccountForms.SignInAsync(trusted, admin, Password)).ShouldBe("/", "the administrator's own browser is not");
    }

    [Fact]
    public async Task SignIn_UnknownUserWrongPasswordOrLockedAccount_SameAnswer()
    {
        var user = await CreateUserAsync(Roles.Staff);
        for (var i = 0; i < 5; i++)
        {
            await AccountForms.SignInAsync(AccountForms.Client(app.Factory, $"203.0.114.{i}"), user, "wrong");
        }

        var unknown = await AccountForms.SignInAsync(AccountForms.Client(app.Factory, "203.0.114.50"), "nobody-" + Guid.NewGuid().ToString("N")[..6], Password);
        var wrong = await AccountForms.SignInAsync(AccountForms.Client(app.Factory, "203.0.114.51"), user, "wrong-again");
        var locked = await AccountForms.SignInAsync(AccountForms.Client(app.Factory, "203.0.114.52"), user, Password);

        new[] { unknown, wrong, locked }.ShouldAllBe(location => location == Invalid);
    }

    [Fact]
    public async Task SignIn_TooManyFailuresFromOneAddress_ThrottledThereOnly()
    {
        var user = await CreateUserAsync(Roles.Staff);
        var attacker = AccountForms.Client(app.Factory, "192.0.2.50");
        for (var i = 0; i < new AccountOptions().FailedSignInsPerAddress; i++)
        {
            (await AccountForms.SignInAsync(attacker, "nobody", "guess" + i)).ShouldBe(Invalid);
        }

        (await AccountForms.SignInAsync(attacker, user, Password)).ShouldBe("/login?error=throttled&returnUrl=%2F");
        (await AccountForms.SignInAsync(AccountForms.Client(app.Factory, "192.0.2.51"), user, Password)).ShouldBe("/");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("CfDJ8stale-token-from-an-earlier-form")]
    public async Task Login_MissingOrStaleAntiforgeryToken_BackToTheFormNot500(string? token)
    {
        var client = AccountForms.Client(app.Factory, "192.0.2.60");
        var form = new Dictionary<string, string> { ["username"] = "someone", ["password"] = Password, ["returnUrl"] = "/" };
        if (token is not null)
        {
            form["__RequestVerificationToken"] = token;
        }

        using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/login?error=expired&returnUrl=%2F");
    }

    [Fact]
    public async Task Login_NotAForm_BackToTheFormNot500()
    {
        using var response = await AccountForms.Client(app.Factory, "192.0.2.61")
            .PostAsync("/account/login", new StringContent("{\"username\":\"x\"}", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldStartWith("/login?error=expired");
    }

    [Theory]
    [InlineData("/rules\t")]
    [InlineData("/rules\r\nSet-Cookie: x=1")]
    [InlineData("/ru\nles")]
    public async Task Login_ReturnUrlWithControlCharacters_SignedInAndSentHome(string returnUrl)
    {
        var user = await CreateUserAsync(Roles.Merchandiser);

        (await AccountForms.SignInAsync(AccountForms.Client(app.Factory, "192.0.2.70"), user, Password, returnUrl)).ShouldBe("/");
    }

    [Fact]
    public async Task Post_ToAPageThatDoesNotExist_NotReExecutedIntoAnError()
    {
        using var response = await AccountForms.Client(app.Factory).PostAsync("/no-such-page",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["a"] = "b" }), TestContext.Current.CancellationToken);

        ((int)response.StatusCode).ShouldBeLessThan(500);
    }

    [Fact]
    public async Task Start_InProduction_DemoStoreNotImported()
    {
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);

        (await db.Orders.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(0);
        (await db.Products.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(0);
    }

    private async Task<string> CreateUserAsync(string role)
    {
        var name = $"p-{Guid.NewGuid():N}"[..12];
        var result = await app.Factory.Services.GetRequiredService<AccountCommands>().CreateUserAsync(name, "", Password, role);
        result.Succeeded.ShouldBeTrue(result.Error);
        return name;
    }
}
