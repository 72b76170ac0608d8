using System.Net;
using MerchDashboard.Tests.TestSupport;

namespace MerchDashboard.Tests.Features.Account;

/// <summary>Sign-out needs the page's antiforgery token; behind a trusted TLS proxy the cookie is Secure and redirects stay https.</summary>
[Collection(SharedMerchApp.Name)]
public sealed class SignOutAndProxyTests(MerchAppFixture app)
{
    [Fact]
    public async Task Logout_PostedWithoutToken_StaysSignedIn()
    {
        var client = await MerchAppFixture.SignInAsync(app.Factory, "staff", MerchAppFactory.DemoPassword);

        using var forged = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]), TestContext.Current.CancellationToken);

        forged.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        forged.Headers.Location!.OriginalString.ShouldBe("/");
        (await client.GetAsync("/preview", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK, "another site's form did not sign the user out");
    }

    [Fact]
    public async Task Logout_PostedFromTheAppWithToken_SignsOut()
    {
        var client = await MerchAppFixture.SignInAsync(app.Factory, "staff", MerchAppFactory.DemoPassword);
        var token = await AccountForms.TokenAsync(client, "/preview");

        using var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
        }), TestContext.Current.CancellationToken);

        response.Headers.Location!.OriginalString.ShouldBe("/login");
        var after = await client.GetAsync("/preview", TestContext.Current.CancellationToken);
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.AbsolutePath.ShouldBe("/login");
    }

    [Theory]
    [InlineData("127.0.0.1", "https")]
    [InlineData("203.0.113.7", "http")]
    public async Task Redirect_BehindProxySayingHttps_KeepsHttpsOnlyFromATrustedProxy(string proxy, string expectedScheme)
    {
        var client = ProxiedClient(proxy);

        using var response = await client.GetAsync("/admin/users", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.Scheme.ShouldBe(expectedScheme);
        response.Headers.Location.AbsolutePath.ShouldBe("/login");
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("203.0.113.7", false)]
    public async Task SignIn_BehindProxySayingHttps_CookieSecureOnlyFromATrustedProxy(string proxy, bool secure)
    {
        var client = ProxiedClient(proxy);
        var token = await AccountForms.TokenAsync(client, "/login");

        using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["username"] = "staff", ["password"] = MerchAppFactory.DemoPassword, ["returnUrl"] = "/",
        }), TestContext.Current.CancellationToken);

        response.Headers.Location!.OriginalString.ShouldBe("/");
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("merch.auth=", StringComparison.Ordinal));
        cookie.Contains("secure", StringComparison.OrdinalIgnoreCase).ShouldBe(secure, cookie);
    }

    private HttpClient ProxiedClient(string proxy)
    {
        var client = AccountForms.Client(app.Factory, proxy);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.20");
        return client;
    }
}
