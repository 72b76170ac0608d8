using System.Net;
using System.Text.Json;
using MerchDashboard.Features.Storefront;
using MerchDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MerchDashboard.Tests.Features.Storefront;

[Collection(SharedMerchApp.Name)]
public sealed class ApiKeySecurityTransformerTests(MerchAppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OpenApiDocument_EveryApiEndpoint_IsDescribedAndRequiresTheKey()
    {
        var mapped = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => (Path: e.RoutePattern.RawText!, Method: m.ToLowerInvariant())))
            .ToList();

        using var document = JsonDocument.Parse(await app.Anonymous().GetStringAsync("/openapi/v1.json", Ct));
        var root = document.RootElement;

        mapped.Count.ShouldBe(13, "10 storefront and curation endpoints, 3 ingest (catalog PUT and PATCH, orders POST)");
        foreach (var (path, method) in mapped)
        {
            root.GetProperty("paths").TryGetProperty(path, out var item).ShouldBeTrue($"{path} is in the document");
            item.TryGetProperty(method, out var operation).ShouldBeTrue($"{method} {path} is in the document");
            operation.GetProperty("security").EnumerateArray()
                .Any(r => r.TryGetProperty(ApiKeySecurityTransformer.SchemeId, out _)).ShouldBeTrue($"{method} {path} requires the key");
        }
        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty(ApiKeySecurityTransformer.SchemeId);
        scheme.GetProperty("type").GetString().ShouldBe("apiKey");
        scheme.GetProperty("in").GetString().ShouldBe("header");
        scheme.GetProperty("name").GetString().ShouldBe("X-Api-Key");
    }

    [Fact]
    public async Task OpenApiDocument_RecordEvents_DescribesTheAcceptedBodyAndEveryProblem()
    {
        using var document = JsonDocument.Parse(await app.Anonymous().GetStringAsync("/openapi/v1.json", Ct));
        var responses = document.RootElement.GetProperty("paths").GetProperty("/api/v1/events").GetProperty("post").GetProperty("responses");

        responses.EnumerateObject().Select(r => r.Name).Order(StringComparer.Ordinal).ShouldBe(["202", "400", "401", "403", "429"]);
        responses.GetProperty("202").GetProperty("content").GetProperty("application/json").GetProperty("schema")
            .GetProperty("$ref").GetString().ShouldEndWith(nameof(EventsAccepted));
        responses.GetProperty("400").GetProperty("content").TryGetProperty("application/problem+json", out _).ShouldBeTrue();
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/api/reference/")]
    public async Task Get_PublicOperationalEndpoint_200WithoutKey(string path)
    {
        using var response = await app.Anonymous().GetAsync(path, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Get_BareBenchmarkEndpoint_NotMappedByDefault()
    {
        using var response = await app.Anonymous().GetAsync(BareBenchmarkEndpoint.Path, Ct);

        response.StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }
}
