namespace MerchDashboard.Features.Storefront;

/// <summary>
/// What a publishable key may not ask, whatever the endpoint: anything about a known customer. Its calls
/// live in shoppers' browsers, where any visitor could name any customer id, so a <c>customerId</c> in the
/// query or in an event is refused with 403 (visitors are identified by <c>visitorId</c> instead).
/// </summary>
public sealed class PublishableKeyFilter : IEndpointFilter
{
    public const string CustomerIdParameter = "customerId";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.User.HasClaim(ApiKeyScopes.ClaimType, ApiKeyScopes.Publishable))
        {
            return await next(context);
        }
        var namesCustomer = http.Request.Query.ContainsKey(CustomerIdParameter)
            || context.Arguments.OfType<StorefrontEventBatch>().Any(batch => batch.Events?.Any(e => e.CustomerId is not null) == true);
        if (namesCustomer)
        {
            return TypedResults.Problem(title: "A publishable key cannot name a customer",
                detail: "Requests with a publishable key run in shoppers' browsers and may not send customerId; send visitorId, or call from the shop's server with a storefront key.",
                statusCode: StatusCodes.Status403Forbidden);
        }
        return await next(context);
    }
}
