using System.Threading.RateLimiting;
using MerchDashboard.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace MerchDashboard.Features.Storefront;

public static class StorefrontSetup
{
    public const string ApiPolicy = "StorefrontApi";
    public const string RateLimitPolicy = "PerApiKey";

    /// <summary>API keys, per-key rate limiting, OpenAPI and health checks for the storefront API.</summary>
    public static IServiceCollection AddStorefrontApi(this IServiceCollection services)
    {
        services.AddOptions<StorefrontApiOptions>().BindConfiguration(StorefrontApiOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ApiKeyService>();
        services.AddSingleton<ServedListCache>();
        services.AddCartRecommendations();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(ApiPolicy, p => p
            .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
            .RequireClaim(ApiKeyAuthenticationHandler.KeyIdClaim));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                await Results.Problem(title: "Too many requests", detail: "This API key has used its request allowance for now; retry after the time in the Retry-After header.",
                    statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context.HttpContext);
            };
            o.AddPolicy(RateLimitPolicy, context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<StorefrontApiOptions>>().Value;
                var key = context.User.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaim)?.Value ?? "anonymous";
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.PermitLimit,
                    Window = TimeSpan.FromSeconds(options.WindowSeconds),
                    QueueLimit = 0,
                });
            });
        });
        services.AddOpenApi(o => o.AddDocumentTransformer<ApiKeySecurityTransformer>());
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
        return services;
    }

    public static WebApplication MapStorefrontApi(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference("/api/reference", o => o.WithTitle("MerchDashboard storefront API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        app.MapHealthChecks("/health/live", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready");
        var api = app.MapGroup("/api/v1").RequireAuthorization(ApiPolicy).RequireRateLimiting(RateLimitPolicy)
            .WithTags("Storefront").DisableAntiforgery();
        api.MapRecommendationEndpoints();
        api.MapEventEndpoints();
        api.MapCartEndpoints();
        app.MapBareBenchmarkEndpointIfEnabled();
        return app;
    }
}
