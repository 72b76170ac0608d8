using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MerchDashboard.Features.Storefront;
using MerchDashboard.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace MerchDashboard.Tests.Features.Storefront;

/// <summary>An app of its own, no demo store (an unknown product's 404 counts against the limits like any answer).</summary>
public sealed class PublishableLimitedApp : IAsyncDisposable
{
    public const int PerVisitor = 3;
    public const int PerAddress = 8;

    public MerchAppFactory Factory { get; } = new()
    {
        Settings =
        {
            ["PublishableKeys:PermitLimitPerVisitor"] = PerVisitor.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PublishableKeys:PermitLimitPerAddress"] = PerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PublishableKeys:WindowSeconds"] = "60",
            ["Database:SeedDemoStore"] = "false",
        },
    };

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}

public sealed class PublishableRateLimitTests(PublishableLimitedApp app) : IClassFixture<PublishableLimitedApp>
{
    private const string Shop = "https://limits.example";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_PastTheVisitorLimit_429ForThatVisitorOnly_ThenTheAddressLimitForAll()
    {
        var client = await ClientAsync("pk limits");

        for (var i = 0; i < PublishableLimitedApp.PerVisitor; i++)
        {
            (await StatusAsync(client, "visitor-a")).ShouldNotBe(HttpStatusCode.TooManyRequests);
        }
        using var refused = await client.SendAsync(PublishableKeyTests.Get(Path("visitor-a"), Shop), Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        refused.Headers.Contains("Retry-After").ShouldBeTrue();
        (await StatusAsync(client, "visitor-b")).ShouldNotBe(HttpStatusCode.TooManyRequests, "another visitor has a window of its own");

        // Fresh visitor ids, one request each: the address's window runs out all the same.
        var served = PublishableLimitedApp.PerVisitor + 1;
        for (var visitor = 0; await StatusAsync(client, $"rotating-{visitor}") != HttpStatusCode.TooManyRequests; visitor++)
        {
            served++;
            served.ShouldBeLessThanOrEqualTo(PublishableLimitedApp.PerAddress, "rotating visitor ids does not lift the address limit");
        }
    }

    [Fact]
    public async Task Get_PastEachLimit_ProblemDetailsNameTheLimitItsWindowAndRetryAfter()
    {
        var client = await ClientAsync("pk limit details");
        for (var i = 0; i < PublishableLimitedApp.PerVisitor; i++)
        {
            (await StatusAsync(client, "detail-visitor")).ShouldNotBe(HttpStatusCode.TooManyRequests);
        }

        var perVisitor = await RefusalAsync(client, "detail-visitor");

        perVisitor.GetProperty("limit").GetString().ShouldBe("per-visitor");
        perVisitor.GetProperty("permitLimit").GetInt32().ShouldBe(PublishableLimitedApp.PerVisitor);
        perVisitor.GetProperty("detail").GetString()!.ShouldContain("3 requests per visitor every 60 s (PublishableKeys:PermitLimitPerVisitor)");

        // A refused request may spend address permits too (see docs/widget.md), so rotate fresh visitors until the address refuses.
        var perAddress = default(JsonElement);
        for (var visitor = 0; perAddress.ValueKind == JsonValueKind.Undefined; visitor++)
        {
            visitor.ShouldBeLessThan(PublishableLimitedApp.PerAddress, "the address limit refuses within its permits");
            perAddress = await RefusalOrDefaultAsync(client, $"detail-rotating-{visitor}");
        }

        perAddress.GetProperty("limit").GetString().ShouldBe("per-address");
        perAddress.GetProperty("permitLimit").GetInt32().ShouldBe(PublishableLimitedApp.PerAddress);
        perAddress.GetProperty("detail").GetString()!.ShouldContain("8 requests per client address every 60 s (PublishableKeys:PermitLimitPerAddress)");
    }

    private static async Task<JsonElement> RefusalAsync(HttpClient client, string visitor)
    {
        var refusal = await RefusalOrDefaultAsync(client, visitor);
        refusal.ValueKind.ShouldBe(JsonValueKind.Object, $"{visitor} is refused");
        return refusal;
    }

    /// <summary>
    /// The 429's checked ProblemDetails (Retry-After within the window and equal to retryAfterSeconds, the window in the
    /// body), or an undefined element when the request was served.
    /// </summary>
    private static async Task<JsonElement> RefusalOrDefaultAsync(HttpClient client, string visitor)
    {
        using var response = await client.SendAsync(PublishableKeyTests.Get(Path(visitor), Shop), Ct);
        if (response.StatusCode != HttpStatusCode.TooManyRequests)
        {
            return default;
        }
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var retryAfter = (int)response.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
        retryAfter.ShouldBeInRange(1, 60);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        body.GetProperty("status").GetInt32().ShouldBe(429);
        body.GetProperty("windowSeconds").GetInt32().ShouldBe(60);
        body.GetProperty("retryAfterSeconds").GetInt32().ShouldBe(retryAfter);
        body.GetProperty("detail").GetString()!.ShouldContain($"retry after {retryAfter} s");
        return body;
    }

    [Fact]
    public async Task Get_StorefrontKey_KeepsItsPerKeyWindow()
    {
        var (created, _) = await app.Factory.Services.GetRequiredService<ApiKeyService>().CreateAsync("secret limits", "tests");
        var client = StorefrontClients.WithKey(app.Factory, created!.Key);

        for (var i = 0; i <= PublishableLimitedApp.PerAddress; i++)
        {
            (await client.GetAsync(Path("visitor-z"), Ct)).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
        }
    }

    private async Task<HttpClient> ClientAsync(string name)
    {
        var (created, error) = await app.Factory.Services.GetRequiredService<ApiKeyService>().CreateAsync(name, "tests", [ApiKeyScopes.Publishable], [Shop], Ct);
        error.ShouldBeNull();
        return StorefrontClients.WithKey(app.Factory, created!.Key);
    }

    private static string Path(string visitor) => $"/api/v1/products/NO-SUCH/frequently-bought-with?visitorId={visitor}";

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string visitor)
    {
        using var response = await client.SendAsync(PublishableKeyTests.Get(Path(visitor), Shop), Ct);
        return response.StatusCode;
    }
}
