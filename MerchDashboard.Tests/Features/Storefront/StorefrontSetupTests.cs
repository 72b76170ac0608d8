using System.Net;
using MerchDashboard.Tests.TestSupport;

namespace MerchDashboard.Tests.Features.Storefront;

/// <summary>
/// An app of its own with a permit limit of three per key and the bare benchmark endpoint switched on; no
/// demo store (nothing here needs one, and importing it is the slow part of starting).
/// </summary>
public sealed class RateLimitedApp : IAsyncDisposable
{
    public const int PermitLimit = 3;

    public MerchAppFactory Factory { get; } = new()
    {
        Settings =
        {
            ["StorefrontApi:PermitLimit"] = PermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["StorefrontApi:WindowSeconds"] = "60",
            ["Benchmark:BareEndpoint"] = "true",
            ["Database:SeedDemoStore"] = "false",
        },
    };

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}

public sealed class StorefrontSetupTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_PastThePermitLimit_429WithRetryAfterForThatKeyOnly()
    {
        const string path = "/api/v1/customers/anyone/recommendations";
        var busy = await StorefrontClients.NewKeyClientAsync(app.Factory, "busy shop");
        var quiet = await StorefrontClients.NewKeyClientAsync(app.Factory, "quiet shop");

        for (var i = 0; i < RateLimitedApp.PermitLimit; i++)
        {
            (await busy.GetAsync(path, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        using var refused = await busy.GetAsync(path, Ct);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 60);
        (await quiet.GetAsync(path, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK, "each key has its own window");
    }

    [Fact]
    public async Task Get_BareBenchmarkEndpointWhenConfigured_ServesWithoutKeyOrLimit()
    {
        var client = MerchAppFixture.NewClient(app.Factory);

        for (var i = 0; i <= RateLimitedApp.PermitLimit; i++)
        {
            using var response = await client.GetAsync("/bench/bare", Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        using var shaped = await client.GetAsync("/bench/bare/SKU-12345", Ct);
        shaped.StatusCode.ShouldBe(HttpStatusCode.OK, "the benchmark's bare rounds send a SKU in the path, like the API's");
        (await shaped.Content.ReadAsStringAsync(Ct)).ShouldBe(await client.GetStringAsync("/bench/bare", Ct));
    }

    [Fact]
    public async Task Get_UnknownPathsInTheApiBranch_NeverTheAppsNotFoundPage()
    {
        var client = MerchAppFixture.NewClient(app.Factory);

        using var bare = await client.GetAsync("/bench/bare/SKU-1/extra", Ct);
        using var api = await client.GetAsync("/api/v1/no-such-endpoint", Ct);
        using var page = await client.GetAsync("/no-such-page", Ct);

        bare.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await bare.Content.ReadAsStringAsync(Ct)).ShouldBeEmpty("the bare endpoint sits in the API's branch, where the pages' not-found page never runs");
        api.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html", "the app's own pipeline still answers pages with its not-found page");
    }

    [Theory]
    [InlineData("/api/v1/products/A/frequently-bought-with", false, true)]
    [InlineData("/API/V1/events", false, true)]
    [InlineData("/api/v1", false, true)]
    [InlineData("/api/v10/products", false, false)]
    [InlineData("/api/reference", false, false)]
    [InlineData("/openapi/v1.json", false, false)]
    [InlineData("/bench/bare/SKU-1", true, true)]
    [InlineData("/bench/bare/SKU-1", false, false)]
    [InlineData("/bench/barely", true, false)]
    [InlineData("/products", true, false)]
    public void IsStorefrontApi_Path_OnlyTheApiAndTheEnabledBareEndpoint(string path, bool bareEnabled, bool expected) =>
        MerchDashboard.Features.Storefront.StorefrontPipeline.IsStorefrontApi(new Microsoft.AspNetCore.Http.PathString(path), bareEnabled).ShouldBe(expected);
}
