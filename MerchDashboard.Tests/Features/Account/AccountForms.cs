using System.Net;
using System.Text.RegularExpressions;
using MerchDashboard.Tests.TestSupport;

namespace MerchDashboard.Tests.Features.Account;

/// <summary>The sign-in and sign-out forms posted as a browser does: GET the page for its antiforgery token, then POST.</summary>
public static partial class AccountForms
{
    /// <summary>A client keeping cookies, not following redirects, seen by the app as coming from <paramref name="address"/>.</summary>
    public static HttpClient Client(MerchAppFactory factory, string? address = null)
    {
        var client = MerchAppFixture.NewClient(factory);
        if (address is not null)
        {
            client.DefaultRequestHeaders.Add(TestRemoteAddress.Header, address);
        }
        return client;
    }

    public static async Task<string> TokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page, TestContext.Current.CancellationToken);
        var match = AntiforgeryInput().Match(html);
        match.Success.ShouldBeTrue($"{page} carries an antiforgery token");
        return WebUtility.HtmlDecode(match.Groups["value"].Value);
    }

    /// <summary>Posts the sign-in form and returns where the app redirects: "/" (or the return URL) on success, else /login?error=...</summary>
    public static async Task<string> SignInAsync(HttpClient client, string userName, string password, string returnUrl = "/")
    {
        var token = await TokenAsync(client, "/login");
        using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["username"] = userName, ["password"] = password, ["returnUrl"] = returnUrl,
        }), TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return response.Headers.Location!.OriginalString;
    }

    [GeneratedRegex("""<input[^>]*name="__RequestVerificationToken"[^>]*value="(?<value>[^"]+)"[^>]*>""")]
    private static partial Regex AntiforgeryInput();
}
