using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MerchDashboard.Tests.TestSupport;

/// <summary>The tests that share one running app (the default <see cref="MerchAppFactory"/>).</summary>
[CollectionDefinition(Name)]
public sealed class SharedMerchApp : ICollectionFixture<MerchAppFixture>
{
    public const string Name = "Merch app";
}

/// <summary>One started app and, per demo user, a client signed in through the real login form.</summary>
public sealed partial class MerchAppFixture : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Task<HttpClient>> _signedIn = new(StringComparer.Ordinal);

    public MerchAppFactory Factory { get; } = new();

    public ValueTask InitializeAsync()
    {
        _ = Factory.Server;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see each 302.</summary>
    public static HttpClient NewClient(MerchAppFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public HttpClient Anonymous() => NewClient(Factory);

    /// <summary>A client signed in as the user (cached per user name: signing in hashes the password).</summary>
    public Task<HttpClient> SignedInAsync(string userName) => _signedIn.GetOrAdd(userName, name => SignInAsync(Factory, name, MerchAppFactory.DemoPassword));

    /// <summary>GET /login for the antiforgery token and cookie, then POST the form as a browser does.</summary>
    public static async Task<HttpClient> SignInAsync(MerchAppFactory factory, string userName, string password)
    {
        var client = NewClient(factory);
        var form = await client.GetStringAsync("/login");
        var token = AntiforgeryInput().Match(form);
        token.Success.ShouldBeTrue("the login form carries an antiforgery token");
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups["value"].Value),
            ["username"] = userName,
            ["password"] = password,
            ["returnUrl"] = "/",
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/", $"signing in as {userName} should succeed");
        return client;
    }

    [GeneratedRegex("""<input[^>]*name="__RequestVerificationToken"[^>]*value="(?<value>[^"]+)"[^>]*>""")]
    private static partial Regex AntiforgeryInput();
}
