using MerchDashboard.Features.Storefront;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Hosting;

/// <summary>
/// Every error under <c>/api</c> is ProblemDetails JSON, in every environment: binding and JSON errors (400
/// with the reason, never a stack trace), a body over <see cref="StorefrontApiOptions.MaxRequestBodyBytes"/>
/// (413), a body that is not JSON (415), unknown paths (404), and unexpected exceptions (500, logged).
/// Pages keep their HTML error and not-found pages.
/// </summary>
public sealed class ApiProblemMiddleware(RequestDelegate next, IProblemDetailsService problems, IOptions<StorefrontApiOptions> options, ILogger<ApiProblemMiddleware> logger)
{
    /// <summary>Most characters of an error message quoted back to the client.</summary>
    public const int MaxDetailLength = 200;

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    public async Task InvokeAsync(HttpContext context)
    {
        if (!IsApi(context))
        {
            await next(context);
            return;
        }
        var limit = options.Value.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            await WriteAsync(context, StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {limit:N0} bytes.");
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            var reason = ex.InnerException is System.Text.Json.JsonException json ? $"{ex.Message} {json.Message}" : ex.Message;
            await WriteAsync(context, ex.StatusCode, reason);
            return;
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(ex, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
            await WriteAsync(context, StatusCodes.Status500InternalServerError, "An unexpected error occurred; it was logged.");
            return;
        }
        var response = context.Response;
        if (response.StatusCode >= 400 && !response.HasStarted && response.ContentLength is null && string.IsNullOrEmpty(response.ContentType))
        {
            await WriteAsync(context, response.StatusCode, response.StatusCode == StatusCodes.Status404NotFound
                ? $"There is no API endpoint at {Quote(context.Request.Path.Value)}; see /api/reference."
                : null);
        }
    }

    private async Task WriteAsync(HttpContext context, int status, string? detail)
    {
        context.Response.Clear();
        context.Response.StatusCode = status;
        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Detail = detail is null ? null : Quote(detail) },
        });
    }

    /// <summary>At most <see cref="MaxDetailLength"/> characters of a message or value, so a huge input is never echoed whole.</summary>
    public static string Quote(string? text) =>
        text is null ? "" : text.Length <= MaxDetailLength ? text : string.Concat(text.AsSpan(0, MaxDetailLength), "…");
}
