using MerchDashboard.Data;
using MerchDashboard.Features.Curation;
using MerchDashboard.Features.Ingest;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Scalar.AspNetCore;

namespace MerchDashboard.Features.Storefront;

public static class StorefrontSetup
{
    public const string ApiPolicy = "StorefrontApi";

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
        // The framework's evaluator stays for every policy but the API key ones (ApiKeyPolicyEvaluator).
        services.AddTransient<PolicyEvaluator>();
        services.Replace(ServiceDescriptor.Singleton<IPolicyEvaluator, ApiKeyPolicyEvaluator>());
        // The API's limits are StorefrontRateLimiter's, in the API's own pipeline (no framework rate limiter is registered).
        services.AddSingleton<StorefrontRateLimiter>();
        services.ConfigureHttpJsonOptions(o => ApplyApiJsonSettings(o.SerializerOptions));
        services.AddOpenApi(o => o.AddDocumentTransformer<ApiKeySecurityTransformer>());
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
        return services;
    }

    /// <summary>
    /// The API's serializer settings on top of the web defaults: numbers are numbers (without this the web defaults also
    /// read them from strings, and OpenAPI types every integer as integer-or-string), and the source-generated context first.
    /// </summary>
    internal static void ApplyApiJsonSettings(System.Text.Json.JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
        options.TypeInfoResolverChain.Insert(0, StorefrontJson.Default);
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
        var api = endpoints.MapGroup(StorefrontPipeline.ApiPrefix).RequireAuthorization(ApiPolicy)
            .WithTags("Storefront").DisableAntiforgery();
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
