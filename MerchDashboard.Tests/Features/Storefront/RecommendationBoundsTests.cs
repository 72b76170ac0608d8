using System.Net;
using System.Net.Http.Json;
using MerchDashboard.Features.Serving;
using MerchDashboard.Features.Storefront;
using MerchDashboard.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace MerchDashboard.Tests.Features.Storefront;

/// <summary>Ids, quantities and revenue beyond their named bounds get 400 ProblemDetails naming the field, without echoing the value whole.</summary>
[Collection(SharedMerchApp.Name)]
public sealed class RecommendationBoundsTests(MerchAppFixture app)
{
    private static readonly string Huge = new('c', 7_000);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private string Sku => app.Factory.Services.GetRequiredService<StoreSnapshotService>().Current.ProductIdsBySku.Keys.Order().First();

    [Fact]
    public async Task Get_CustomerIdOverTheLimit_400NamingIt()
    {
        var client = await StorefrontClients.NewKeyClientAsync(app.Factory, "bounds customer");

        using var response = await client.GetAsync($"/api/v1/products/{Sku}/frequently-bought-with?customerId={Huge}", Ct);

        var problem = await ApiProblemTests.ProblemAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("customerId")[0].GetString()!.ShouldContain("at most 64");
        problem.ToString().ShouldNotContain(Huge[..300]);
    }

    [Theory]
    [InlineData("/api/v1/products/{0}/frequently-bought-with", "sku")]
    [InlineData("/api/v1/products/{0}/bundle", "sku")]
    [InlineData("/api/v1/customers/{0}/recommendations", "id")]
    public async Task Get_PathIdOverTheLimit_400NamingIt(string template, string field)
    {
        var client = await StorefrontClients.NewKeyClientAsync(app.Factory, "bounds path " + field + template.Length);

        using var response = await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, new string('S', 65)), Ct);

        (await ApiProblemTests.ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Get_CustomerIdAtTheLimit_Served()
    {
        var client = await StorefrontClients.NewKeyClientAsync(app.Factory, "bounds at limit");

        using var response = await client.GetAsync($"/api/v1/products/{Sku}/frequently-bought-with?customerId={new string('c', 64)}", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("79228162514264337593543950335", null, "revenue")]
    [InlineData("1000000.01", null, "revenue")]
    [InlineData(null, 10_001, "quantity")]
    public async Task Post_RevenueOrQuantityOutOfRange_400NamingIt(string? revenue, int? quantity, string field)
    {
        var client = await StorefrontClients.NewKeyClientAsync(app.Factory, $"bounds {field} {revenue?.Length}");
        var skus = app.Factory.Services.GetRequiredService<StoreSnapshotService>().Current.ProductIdsBySku.Keys.Order().Take(2).ToList();
        var purchase = new StorefrontEventDto("purchase", "rec-bounds", skus[1], skus[0], 1, "mined", null, quantity ?? 1,
            revenue is null ? 10m : decimal.Parse(revenue, System.Globalization.CultureInfo.InvariantCulture), null);

        using var response = await client.PostAsJsonAsync("/api/v1/events", new StorefrontEventBatch([purchase]), Ct);

        (await ApiProblemTests.ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty($"events[0].{field}", out _).ShouldBeTrue();
    }
}
