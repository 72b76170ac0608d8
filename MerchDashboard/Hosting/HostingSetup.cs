using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Hosting;

/// <summary>The front of the pipeline: forwarded headers from trusted proxies, error pages for pages, ProblemDetails for the API.</summary>
public static class HostingSetup
{
    public static IServiceCollection AddMerchHosting(this IServiceCollection services)
    {
        services.AddOptions<ReverseProxyOptions>().BindConfiguration(ReverseProxyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ReverseProxyOptions>>((forwarded, proxy) => proxy.Value.ApplyTo(forwarded));
        services.AddProblemDetails();
        // Binding errors become exceptions in every environment, so ApiProblemMiddleware can answer them with their reason.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    public static WebApplication UseMerchForwardedHeaders(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }

    /// <summary>
    /// The not-found page re-executes only GET and HEAD requests for pages: re-executing a POST would run the
    /// page's form handling with the failed request's body. API requests get ProblemDetails instead.
    /// </summary>
    public static WebApplication UseMerchErrorResponses(this WebApplication app)
    {
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.Use((context, next) =>
        {
            var method = context.Request.Method;
            if ((ApiProblemMiddleware.IsApi(context) || !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method)))
                && context.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }
            return next(context);
        });
        app.UseMiddleware<ApiProblemMiddleware>();
        return app;
    }
}
