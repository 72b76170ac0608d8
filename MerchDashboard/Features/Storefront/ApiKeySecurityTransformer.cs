using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MerchDashboard.Features.Storefront;

/// <summary>
/// Describes the storefront API in the OpenAPI document: its title, the <c>X-Api-Key</c> security scheme,
/// and that scheme as a requirement of every <c>/api/v1</c> operation (so generated clients send the key).
/// </summary>
public sealed class ApiKeySecurityTransformer : IOpenApiDocumentTransformer
{
    public const string SchemeId = ApiKeyAuthenticationHandler.SchemeName;

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "MerchDashboard storefront API";
        document.Info.Description = "Frequently-bought-with lists, bundles and personalized recommendations for a storefront, "
            + $"and the events it reports back. Send your key in the {ApiKeyAuthenticationHandler.HeaderName} header.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeId] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthenticationHandler.HeaderName,
            Description = "A storefront API key, created by an administrator on the API keys page or with the api-key verb.",
        };
        foreach (var (path, item) in document.Paths)
        {
            if (!path.StartsWith("/api/v1/", StringComparison.Ordinal) || item.Operations is null)
            {
                continue;
            }
            foreach (var operation in item.Operations.Values)
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeId, document)] = [] });
            }
        }
        return Task.CompletedTask;
    }
}
