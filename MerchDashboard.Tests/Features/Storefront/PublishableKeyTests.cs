using System.Net;
using System.Net.Http.Json;
using MerchDashboard.Data;
using MerchDashboard.Features.Serving;
using MerchDashboard.Features.Storefront;
using MerchDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MerchDashboard.Tests.Features.Storefront;

/// <summary>Publishable keys on the demo store: allowed origins, CORS preflight, no customer ids, events accepted.</summary>
[Collection(SharedMerchApp.Name)]
public sealed class PublishableKeyTests(MerchAppFixture app)
{
    private const string Shop = "https://shop.example";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private string Sku => app.Factory.Services.GetRequiredService<StoreSnapshotService>().Current.ProductIdsBySku.Keys.Order().First();
    private string ListPath => $"/api/v1/products/{Sku}/frequently-bought-with?visitorId=v-1&limit=4";

    [Fact]
    public async Task Get_FromAllowedOrigin_ListWithAllowOriginHeader()
    {
        var client = await PublishableClientAsync("pk allowed");

        using var response = await client.SendAsync(Get(ListPath, origin: Shop), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe([Shop]);
        (await response.Content.ReadFromJsonAsync<FrequentlyBoughtWithDto>(Ct))!.Items.ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("http://shop.example")]
    [InlineData("https://shop.example:8443")]
    public async Task Get_FromAnotherOrigin_403NamingTheOrigin(string origin)
    {
        var client = await PublishableClientAsync($"pk refused {origin}");

        using var response = await client.SendAsync(Get(ListPath, origin), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain(origin);
    }

    [Fact]
    public async Task Get_WithoutOriginButRefererOfAllowedOrigin_Served()
    {
        var client = await PublishableClientAsync("pk referer");
        var request = Get(ListPath, origin: null);
        request.Headers.Referrer = new Uri($"{Shop}/products/lap?color=red");

        using var response = await client.SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, "browsers omit Origin on same-origin GETs; the Referer's origin counts");
    }

    [Fact]
    public async Task Get_WithNeitherOriginNorReferer_403()
    {
        var client = await PublishableClientAsync("pk no origin");

        using var response = await client.SendAsync(Get(ListPath, origin: null), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Get_CustomerIdOrCustomerRecommendations_403()
    {
        var client = await PublishableClientAsync("pk customer");

        using var withCustomer = await client.SendAsync(Get($"/api/v1/products/{Sku}/frequently-bought-with?customerId=C000042", Shop), Ct);
        using var recommendations = await client.SendAsync(Get("/api/v1/customers/C000042/recommendations", Shop), Ct);

        withCustomer.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await withCustomer.Content.ReadAsStringAsync(Ct)).ShouldContain("customerId");
        recommendations.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task PostEvents_WithoutCustomer_StoredForTheKey_WithCustomer_403AndNothingStored()
    {
        var (client, keyId) = await PublishableClientWithIdAsync("pk events");
        var list = await (await client.SendAsync(Get(ListPath, Shop), Ct)).Content.ReadFromJsonAsync<FrequentlyBoughtWithDto>(Ct);
        var slot = list!.Items[0];
        var impression = new StorefrontEventDto("impression", list.RecommendationId, slot.Sku, Sku, slot.Slot, slot.Source, null, null, null, null);

        using var accepted = await client.SendAsync(Post("/api/v1/events", new StorefrontEventBatch([impression]), Shop), Ct);
        using var refused = await client.SendAsync(Post("/api/v1/events", new StorefrontEventBatch([impression with { CustomerId = "C000042" }]), Shop), Ct);

        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        (await db.StorefrontEvents.CountAsync(e => e.ApiKeyId == keyId, Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task Preflight_OriginOfAPublishableKey_204WithAllowedMethodsAndHeaders()
    {
        await PublishableClientAsync("pk preflight");
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/events");
        request.Headers.Add("Origin", Shop);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "x-api-key, content-type");

        using var response = await app.Anonymous().SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        response.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe([Shop]);
        response.Headers.GetValues("Access-Control-Allow-Methods").Single().ShouldContain("POST");
        response.Headers.GetValues("Access-Control-Allow-Headers").Single().ShouldContain(ApiKeyAuthenticationHandler.HeaderName);
    }

    [Fact]
    public async Task Preflight_OriginNoKeyAllows_403ProblemWithoutAllowOrigin()
    {
        var request = new HttpRequestMessage(HttpMethod.Options, ListPath);
        request.Headers.Add("Origin", "https://nobody.example");
        request.Headers.Add("Access-Control-Request-Method", "GET");

        using var response = await app.Anonymous().SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        response.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
    }

    [Fact]
    public async Task Get_StorefrontKeyWithCustomerId_StillServed()
    {
        var client = await StorefrontClients.NewKeyClientAsync(app.Factory, "secret key with customer");

        using var response = await client.GetAsync($"/api/v1/products/{Sku}/frequently-bought-with?customerId=C000042", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, "only publishable keys are refused customer ids");
    }

    private async Task<HttpClient> PublishableClientAsync(string name) => (await PublishableClientWithIdAsync(name)).Client;

    private async Task<(HttpClient Client, int KeyId)> PublishableClientWithIdAsync(string name)
    {
        var (created, error) = await app.Factory.Services.GetRequiredService<ApiKeyService>()
            .CreateAsync(name, "tests", [ApiKeyScopes.Publishable], [Shop], Ct);
        error.ShouldBeNull();
        return (StorefrontClients.WithKey(app.Factory, created!.Key), created.Info.Id);
    }

    internal static HttpRequestMessage Get(string path, string? origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        return request;
    }

    private static HttpRequestMessage Post<T>(string path, T body, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Origin", origin);
        return request;
    }
}
