using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MerchDashboard.Features.Storefront;

/// <summary>
/// The 429 of the storefront API: Retry-After, and ProblemDetails naming the limit that ran out. A publishable key's
/// refusal names its limit (per visitor or per address, permits and window) as text and as the extensions
/// <c>limit</c>, <c>permitLimit</c>, <c>windowSeconds</c> and <c>retryAfterSeconds</c>.
/// </summary>
public static class RateLimitRejection
{
    public static async Task WriteAsync(HttpContext context, RateLimitLease lease)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(lease);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        int? retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? (int)Math.Ceiling(retry.TotalSeconds) : null;
        if (retryAfter is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }
        var retryText = retryAfter is { } s ? $"retry after {s} s (Retry-After)" : "retry later";
        ProblemHttpResult problem;
        if (lease.TryGetMetadata(PublishableRateLimits.LimitMetadata, out var limit) && limit is not null)
        {
            var who = limit.Scope == PublishableLimit.PerVisitor ? "per visitor" : "per client address";
            problem = TypedResults.Problem(title: "Too many requests",
                detail: $"This publishable key allows {limit.PermitLimit:N0} requests {who} every {limit.WindowSeconds:N0} s ({limit.OptionName}), " +
                    $"and this {(limit.Scope == PublishableLimit.PerVisitor ? "visitor" : "address")} has used them; {retryText}.",
                statusCode: StatusCodes.Status429TooManyRequests,
                extensions: new Dictionary<string, object?>
                {
                    ["limit"] = limit.Scope, ["permitLimit"] = limit.PermitLimit, ["windowSeconds"] = limit.WindowSeconds, ["retryAfterSeconds"] = retryAfter,
                });
        }
        else
        {
            problem = TypedResults.Problem(title: "Too many requests", detail: $"This API key has used its request allowance for now; {retryText}.",
                statusCode: StatusCodes.Status429TooManyRequests);
        }
        await problem.ExecuteAsync(context);
    }
}
