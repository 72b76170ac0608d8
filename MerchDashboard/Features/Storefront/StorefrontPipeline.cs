using MerchDashboard.Features.Store;
using MerchDashboard.Hosting;

namespace MerchDashboard.Features.Storefront;

/// <summary>
/// The storefront API's own branch of the pipeline: requests under <c>/api/v1</c> (and the benchmark's bare endpoint,
/// when switched on, so the benchmark's ratio measures only the API's own work) leave the app's pipeline right after the
/// forwarded headers and run only what the API needs: the store culture (amounts carry the store currency),
/// ProblemDetails errors (<see cref="ApiProblemMiddleware"/>), the publishable-key CORS, routing over the API's
/// endpoints alone, authorization (each policy names the API key scheme, so the Identity cookie is never read),
/// rate limiting, and the publishable keys' rule (<see cref="PublishableKeyMiddleware"/>). The pages' middleware (error pages, the default authentication, antiforgery) and the app's
/// routing, whose matcher looked up static web asset files for every request (docs/benchmarks.md), never run for them.
/// </summary>
public static class StorefrontPipeline
{
    public const string ApiPrefix = "/api/v1";

    // UseRouting in a branch reuses the app's global route builder (all its endpoints and matcher policies) while this
    // property, copied from the app into every branch, is present; without it the branch routes over its own endpoints.
    private const string GlobalRouteBuilderKey = "__GlobalEndpointRouteBuilder";

    /// <summary>Branches the storefront API off the app's pipeline; the app's own routing must come after this.</summary>
    public static WebApplication UseStorefrontApiBranch(this WebApplication app)
    {
        var bare = app.Configuration.GetValue<bool>(BareBenchmarkEndpoint.Setting);
        app.MapWhen(context => IsStorefrontApi(context.Request.Path, bare), api =>
        {
            api.Properties.Remove(GlobalRouteBuilderKey);
            api.UseStoreCulture();
            api.UseMiddleware<ApiProblemMiddleware>();
            api.UseMiddleware<PublishableCorsMiddleware>();
            api.UseRouting();
            api.UseAuthorization();
            api.UseMiddleware<StorefrontRateLimitMiddleware>();
            api.UseMiddleware<PublishableKeyMiddleware>();
            api.UseEndpoints(endpoints =>
            {
                endpoints.MapStorefrontEndpoints();
                if (bare)
                {
                    endpoints.MapBareBenchmarkEndpoint();
                }
            });
        });
        return app;
    }

    /// <summary>Whether a request path belongs to the API's branch.</summary>
    public static bool IsStorefrontApi(PathString path, bool bareEndpoint) =>
        path.StartsWithSegments(ApiPrefix, StringComparison.OrdinalIgnoreCase)
        || (bareEndpoint && path.StartsWithSegments(BareBenchmarkEndpoint.Path, StringComparison.OrdinalIgnoreCase));
}
