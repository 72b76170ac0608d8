using System.Threading.RateLimiting;
using MerchDashboard.Data;
using MerchDashboard.Features.Curation;
using MerchDashboard.Features.Ingest;
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
        services.AddOptions<PublishableKeyOptions>().BindConfiguration(PublishableKeyOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ApiKeyService>();
        services.AddSingleton<FailedKeyAttempts>();
        services.AddSingleton<ServedListCache>();
        services.AddSingleton<MerchDashboard.Features.Serving.ShopperProfileStore>();
        services.AddOptions<MerchDashboard.Features.Serving.ShopperProfileOptions>().BindConfiguration(MerchDashboard.Features.Serving.ShopperProfileOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddCartRecommendations();
        services.AddTransient<ApiKeyAuthenticationHandler>();
        services.AddAuthentication(o => o.AddScheme<ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, displayName: null));
        var authorization = services.AddAuthorizationBuilder().AddPolicy(ApiPolicy, p => p
            .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
            .RequireClaim(ApiKeyAuthenticationHandler.KeyIdClaim));
        string[][] policies = [[ApiKeyScopes.Storefront], [ApiKeyScopes.Storefront, ApiKeyScopes.Publishable], [ApiKeyScopes.Ingest], [ApiKeyScopes.Curation]];
        foreach (var scopes in policies)
        {
            authorization.AddPolicy(ApiKeyScopes.PolicyFor(scopes), p => p
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireClaim(ApiKeyScopes.ClaimType, scopes));
        }
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) => RateLimitRejection.WriteAsync(context);
            o.AddPolicy(RateLimitPolicy, context =>
            {
                if (PublishableRateLimits.PerVisitor(context) is { } perVisitor)
                {
                    return perVisitor;
                }
                var options = context.RequestServices.GetRequiredService<IOptions<StorefrontApiOptions>>().Value;
                var key = context.User.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaim)?.Value ?? "anonymous";
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.PermitLimit,
                    Window = TimeSpan.FromSeconds(options.WindowSeconds),
                    QueueLimit = 0,
                });
            });
            o.GlobalLimiter = new PublishableRequestsLimiter(PartitionedRateLimiter.Create<HttpContext, string>(PublishableRateLimits.PerAddress));
        });
        // Numbers are numbers: without this the web defaults also read them from strings, and OpenAPI types every integer as integer-or-string.
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, StorefrontJson.Default);
        });
        services.AddOpenApi(o => o.AddDocumentTransformer<ApiKeySecurityTransformer>());
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
        return services;
    }

    /// <summary>The API's documentation and the health checks, in the app's pipeline; the API itself is <see cref="StorefrontPipeline"/>'s.</summary>
    public static WebApplication MapStorefrontApi(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference("/api/reference", o => o.WithTitle("MerchDashboard storefront API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        app.MapHealthChecks("/health/live", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready");
        return app;
    }

    /// <summary>The API's endpoints, mapped in its own branch of the pipeline (<see cref="StorefrontPipeline"/>).</summary>
    public static IEndpointRouteBuilder MapStorefrontEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(StorefrontPipeline.ApiPrefix).RequireAuthorization(ApiPolicy).RequireRateLimiting(RateLimitPolicy)
            .WithTags("Storefront").DisableAntiforgery().AddEndpointFilter<PublishableKeyFilter>();
        api.MapRecommendationEndpoints();
        api.MapEventEndpoints();
        api.MapGroup("").RequireAuthorization(ApiKeyScopes.PolicyFor(ApiKeyScopes.Curation)).WithTags("Curation")
            .MapCurationEndpoints();
        api.MapCartEndpoints();
        api.MapGroup("").RequireAuthorization(ApiKeyScopes.PolicyFor(ApiKeyScopes.Ingest)).WithTags("Ingest")
            .MapIngestEndpoints();
        return endpoints;
    }
}
