namespace MerchDashboard.Features.Storefront;

/// <summary>
/// The baseline for the storefront API benchmark (docs/benchmarks.md): the same host, pipeline branch (<see cref="StorefrontPipeline"/>) and JSON
/// serializer, with no authentication, rate limiting or composition, so the gap to the real endpoint is
/// what the API itself costs. <c>/bench/bare/{sku}</c> takes requests shaped like the API's (a SKU in the path), so
/// the benchmark's client does the same work for both; <c>POST /bench/bare/cart</c> takes a cart's request body, to show
/// what a POST with a JSON body costs before any cart work. Mapped only when <c>Benchmark:BareEndpoint</c> is true; never in normal use.
/// </summary>
public static class BareBenchmarkEndpoint
{
    public const string Setting = "Benchmark:BareEndpoint";
    public const string Path = "/bench/bare";
    public const string CartPath = Path + "/cart";

    private static readonly BundleItemDto[] Fixed =
    [
        new("SKU-0001", "Fixed product one", 19.99m), new("SKU-0002", "Fixed product two", 24.50m),
        new("SKU-0003", "Fixed product three", 9.95m), new("SKU-0004", "Fixed product four", 42.00m),
        new("SKU-0005", "Fixed product five", 5.25m), new("SKU-0006", "Fixed product six", 13.75m),
    ];

    /// <summary>Mapped in the storefront API's branch of the pipeline (<see cref="StorefrontPipeline"/>), so it pays what the API's requests pay outside the API's own work.</summary>
    public static IEndpointRouteBuilder MapBareBenchmarkEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, () => Fixed).ExcludeFromDescription().AllowAnonymous().DisableRateLimiting();
        endpoints.MapGet(Path + "/{sku}", (string sku) => Fixed).ExcludeFromDescription().AllowAnonymous().DisableRateLimiting();
        // A cart's request without the cart: the same JSON body read and bound as the cart endpoint's, the same fixed answer.
        endpoints.MapPost(CartPath, (CartRecommendationRequest request) => Fixed).ExcludeFromDescription().AllowAnonymous().DisableRateLimiting();
        return endpoints;
    }
}
