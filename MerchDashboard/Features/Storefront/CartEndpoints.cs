using MerchDashboard.Engine.Composition;
using MerchDashboard.Features.Experiments;
using MerchDashboard.Features.Serving;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Features.Storefront;

/// <summary>
/// Cross-sell at checkout: the cart composer's list for a whole cart, from the in-memory snapshot, as of the served
/// instant of the product lists and with the same stored shopper profiles (<see cref="ServedListCache"/>). Carts are
/// too varied to cache; each request composes two lists per distinct cart item (docs/composition.md).
/// </summary>
public static class CartEndpoints
{
    public static IServiceCollection AddCartRecommendations(this IServiceCollection services)
    {
        services.AddOptions<CartApiOptions>().BindConfiguration(CartApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    public static RouteGroupBuilder MapCartEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/cart/recommendations", Recommend)
            .WithName("PostCartRecommendations")
            .WithSummary("Complements for a whole cart: locked slots of its items' lists, bought-together itemsets, then their lists")
            .Produces<CartRecommendationsDto>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireAuthorization(ApiKeyScopes.PolicyFor(ApiKeyScopes.Storefront));
        return api;
    }

    private static IResult Recommend(
        CartRecommendationRequest request, ServedListCache served, ShopperProfileStore profiles, ExperimentServing experiments,
        IOptions<CartApiOptions> cartOptions, IOptions<StorefrontApiOptions> apiOptions, IOptions<JsonOptions> json)
    {
        var (snapshot, asOf) = served.Current();
        var errors = CartRequestValidator.Validate(request, cartOptions.Value, apiOptions.Value.MaxLimit);
        if (errors is not null)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var lines = request.Lines!;
        var cart = new int[lines.Count];
        for (var i = 0; i < cart.Length; i++)
        {
            cart[i] = snapshot.ProductBySku(lines[i].Sku!)?.Id ?? -1;
        }
        if (Array.IndexOf(cart, -1) >= 0)
        {
            var unknown = lines.Select((line, i) => (line.Sku!, i)).Where(l => cart[l.i] < 0).ToList();
            return TypedResults.ValidationProblem(
                unknown.ToDictionary(u => $"lines[{u.i}].sku", u => new[] { $"There is no product with SKU '{u.Item1}'." }),
                detail: $"Unknown SKUs in the cart: {string.Join(", ", unknown.Select(u => u.Item1).Distinct())}.", title: "Unknown products in the cart");
        }
        var customer = string.IsNullOrEmpty(request.CustomerId) ? null : request.CustomerId;
        var shopper = customer is null ? null : profiles.Find(snapshot, customer, asOf);
        var slots = request.Limit ?? RecommendationService.DefaultSlotsOf(snapshot);
        var visitor = string.IsNullOrEmpty(request.VisitorId) ? null : request.VisitorId;
        var (composed, assigned) = experiments.Cart(snapshot, cart, shopper, asOf, slots, customer, visitor);
        var sourceName = assigned is null ? null : ExperimentServing.SourceNames(assigned.Arm);
        // Written straight from the composition, with the API's escaping, as its other answers (the DTO is what it equals).
        return new WrittenJsonResult(
            new CartRecommendationsJson(composed, snapshot, customer, visitor, sourceName, assigned?.ExperimentName, assigned?.ArmName),
            json.Value.SerializerOptions.Encoder);
    }

    internal static CartRecommendationsDto ToDto(CartComposition composed, StoreSnapshot snapshot, string? customerId, string? visitorId,
        Func<SlotSource, string>? sourceName = null) => new(
        composed.RecommendationId, composed.ComposedAt, customerId, visitorId,
        [.. composed.CartProductIds.Select(id => snapshot.Product(id)!.Sku)],
        [.. composed.Slots.Select(s => new CartSlotDto(s.Position, s.Product.Sku, s.Product.Name, s.Product.Price,
            (sourceName ?? RecommendationEndpoints.SourceName)(s.Source), s.Locked, s.PersonalizationMoved,
            [.. s.ComplementProducts.Select(p => p.Sku)], BasisName(s.Basis), s.ShopperExplanation,
            s.Pair is { } p ? new PairStatisticsDto(p.CoPurchaseCount, p.Support, p.Confidence, p.Lift) : null))]);

    public static string BasisName(CartSlotBasis basis) => basis switch
    {
        CartSlotBasis.Locked => "locked",
        CartSlotBasis.BoughtTogether => "bought-together",
        _ => "item-list",
    };
}
