namespace MerchDashboard.Features.Storefront;

/// <summary>
/// What a publishable key may not ask, whatever the endpoint: anything about a known customer. Its calls live in
/// shoppers' browsers, where any visitor could name any customer id, so a <c>customerId</c> in the query (this
/// middleware, for every API request, after authorization and rate limiting) or in an event (<see cref="PublishableKeyFilter"/>,
/// on the events endpoint, which reads the body) is refused with 403; visitors are identified by <c>visitorId</c> instead.
/// A middleware rather than an endpoint filter on every API endpoint: a filter made every endpoint's call box its
/// arguments and pass through the filter pipeline, a measured share of a personalized list's request (docs/benchmarks.md).
/// </summary>
public sealed class PublishableKeyMiddleware(RequestDelegate next)
{
    public const string CustomerIdParameter = "customerId";

    public Task InvokeAsync(HttpContext context)
    {
        if (IsPublishable(context) && context.Request.Query.ContainsKey(CustomerIdParameter))
        {
            return Refused().ExecuteAsync(context);
        }
        return next(context);
    }

    internal static bool IsPublishable(HttpContext context) => context.User.HasClaim(ApiKeyScopes.ClaimType, ApiKeyScopes.Publishable);

    internal static IResult Refused() => TypedResults.Problem(title: "A publishable key cannot name a customer",
        detail: "Requests with a publishable key run in shoppers' browsers and may not send customerId; send visitorId, or call from the shop's server with a storefront key.",
        statusCode: StatusCodes.Status403Forbidden);
}

/// <summary>The events endpoint's half of <see cref="PublishableKeyMiddleware"/>: an event naming a customer, sent with a publishable key, is refused with 403 and nothing is stored.</summary>
public sealed class PublishableKeyFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (PublishableKeyMiddleware.IsPublishable(context.HttpContext)
            && context.Arguments.OfType<StorefrontEventBatch>().Any(batch => batch.Events?.Any(e => e.CustomerId is not null) == true))
        {
            return ValueTask.FromResult<object?>(PublishableKeyMiddleware.Refused());
        }
        return next(context);
    }
}
