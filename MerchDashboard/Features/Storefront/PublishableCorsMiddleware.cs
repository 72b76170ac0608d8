using System.Globalization;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Features.Storefront;

/// <summary>
/// CORS for publishable keys on <c>/api/v1</c>. A preflight carries no key, so it is answered (204) for an origin
/// that some active publishable key allows and refused with 403 ProblemDetails otherwise; actual requests from
/// such an origin get <c>Access-Control-Allow-Origin</c> for it, while the key's own origins are checked by
/// <see cref="ApiKeyAuthenticationHandler"/>. Requests without an <c>Origin</c> header pass untouched.
/// </summary>
public sealed class PublishableCorsMiddleware(RequestDelegate next, ApiKeyService keys, IOptions<PublishableKeyOptions> options)
{
    public const string VisitorHeader = "X-Visitor-Id";
    private static readonly string AllowedHeaders = string.Join(", ", ApiKeyAuthenticationHandler.HeaderName, "Content-Type", VisitorHeader);

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/api/v1") || request.Headers.Origin is not [{ Length: > 0 } presented])
        {
            await next(context);
            return;
        }
        var origin = AllowedOrigins.Normalize(presented).Origin;
        var allowed = origin is not null && (await keys.PublishableOriginsAsync(context.RequestAborted)).Contains(origin);
        var headers = context.Response.Headers;
        headers.Vary = "Origin";
        if (HttpMethods.IsOptions(request.Method) && request.Headers.ContainsKey("Access-Control-Request-Method"))
        {
            if (!allowed)
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await Results.Problem(title: "Origin not allowed",
                    detail: $"No publishable key allows {Hosting.ApiProblemMiddleware.Quote(presented)}; an administrator adds the shop's origin to a publishable key on the API keys page.",
                    statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context);
                return;
            }
            headers.AccessControlAllowOrigin = origin;
            headers.AccessControlAllowMethods = "GET, POST";
            headers.AccessControlAllowHeaders = AllowedHeaders;
            headers.AccessControlMaxAge = options.Value.PreflightMaxAgeSeconds.ToString(CultureInfo.InvariantCulture);
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }
        if (allowed)
        {
            headers.AccessControlAllowOrigin = origin;
            headers.AccessControlExposeHeaders = "Retry-After";
        }
        await next(context);
    }
}
