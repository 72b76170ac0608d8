using MerchDashboard.Engine.Composition;
using MerchDashboard.Features.Experiments;
using MerchDashboard.Features.Serving;
using MerchDashboard.Features.Store;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Features.Storefront;

public sealed record PairStatisticsDto(int Count, double Support, double Confidence, double Lift);

/// <summary>One slot of a list as the storefront shows it; <c>Locked</c> says it is the same for every shopper.</summary>
public sealed record SlotDto(int Slot, string Sku, string Name, decimal Price, string Source, bool Personalized, string Explanation, PairStatisticsDto? Statistics, bool Locked);

/// <summary>
/// The final frequently-bought-with list of a product; <c>ComposedAt</c> is its as-of time: the latest of the store data's
/// load, the start of the UTC day and the last override start or expiry that has passed (docs/benchmarks.md); <c>LockedSlots</c> counts the leading slots locked for every shopper (0 to the list's length).
/// </summary>
public sealed record FrequentlyBoughtWithDto(string Sku, string Mode, string RecommendationId, DateTime ComposedAt, string? CustomerId, IReadOnlyList<SlotDto> Items, int LockedSlots)
{
    /// <summary>The running experiment the list was composed for, or null (no experiment runs, or the request named no shopper).</summary>
    public string? Experiment { get; init; }

    /// <summary>The shopper's arm in <see cref="Experiment"/>: control, cross-sell, personalization or both; null without one.</summary>
    public string? Arm { get; init; }

    /// <summary>ISO 4217 code of every amount in the response: the store currency of the request (Store settings).</summary>
    public string Currency { get; init; } = StoreCulture.CurrentCurrencyCode;
}

public sealed record BundleItemDto(string Sku, string Name, decimal Price);

public sealed record BundleDto(string Sku, IReadOnlyList<BundleItemDto> Items, decimal TotalPrice, int OrdersTogether, double Support)
{
    /// <summary>ISO 4217 code of every amount in the response: the store currency of the request (Store settings).</summary>
    public string Currency { get; init; } = StoreCulture.CurrentCurrencyCode;
}

public sealed record RecommendedItemDto(int Slot, string Sku, string Name, decimal Price, string Source, string Reason);

public sealed record RecommendationsDto(string CustomerId, bool Personalized, string RecommendationId, IReadOnlyList<RecommendedItemDto> Items)
{
    /// <summary>ISO 4217 code of every amount in the response: the store currency of the request (Store settings).</summary>
    public string Currency { get; init; } = StoreCulture.CurrentCurrencyCode;
}

/// <summary>The storefront's read endpoints: the composer's lists from the in-memory snapshot, no database work.</summary>
public static class RecommendationEndpoints
{
    public static RouteGroupBuilder MapRecommendationEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/products/{sku}/frequently-bought-with", FrequentlyBoughtWith)
            .WithName("GetFrequentlyBoughtWith")
            .WithSummary("The final frequently-bought-with list of a product, for a shopper or anonymous")
            .Produces<FrequentlyBoughtWithDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireAuthorization(ApiKeyScopes.PolicyFor(ApiKeyScopes.Storefront, ApiKeyScopes.Publishable));
        api.MapGet("/products/{sku}/bundle", Bundle)
            .WithName("GetBundle")
            .WithSummary("The bought-together bundle of a product with its total price")
            .Produces<BundleDto>().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireAuthorization(ApiKeyScopes.PolicyFor(ApiKeyScopes.Storefront, ApiKeyScopes.Publishable));
        api.MapGet("/customers/{id}/recommendations", Recommendations)
            .WithName("GetRecommendations")
            .WithSummary("Recommended for you: personalized for a known customer, best sellers otherwise")
            .Produces<RecommendationsDto>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireAuthorization(ApiKeyScopes.PolicyFor(ApiKeyScopes.Storefront));
        return api;
    }

    private static readonly string[] SourceNames = [.. Enum.GetValues<SlotSource>().Select(s => s.ToString().ToLowerInvariant())];

    internal static string SourceName(SlotSource source) => SourceNames[(int)source];

    /// <summary>The mode's wire name: constants, as every customer's list writes it (formatting the enum allocated two strings a request).</summary>
    internal static string ModeName(CurationMode mode) => mode switch
    {
        CurationMode.Auto => "auto",
        CurationMode.Curated => "curated",
        CurationMode.Locked => "locked",
        CurationMode.LockedTopN => "locked-top-n",
        _ => mode.ToString().ToLowerInvariant(),
    };

    private static IResult FrequentlyBoughtWith(string sku, string? customerId, string? visitorId, int? limit, ExperimentServing lists, IOptions<StorefrontApiOptions> options)
    {
        if ((LimitProblem(limit, options.Value) ?? IdProblem(options.Value, ("sku", sku), ("customerId", customerId), ("visitorId", visitorId))) is { } problem)
        {
            return problem;
        }
        return lists.FrequentlyBoughtWith(sku, customerId, visitorId, limit) switch
        {
            null => UnknownSku(sku),
            { Utf8Json: { } json } => new Utf8JsonResult(json),
            { Composed: { } composed } => new WrittenJsonResult(composed),
            var list => TypedResults.Json(list.Dto, StorefrontJson.Default.FrequentlyBoughtWithDto),
        };
    }

    private static IResult Bundle(string sku, StoreSnapshotService snapshots, RecommendationService recommendations, IOptions<StorefrontApiOptions> options)
    {
        if (IdProblem(options.Value, ("sku", sku)) is { } problem)
        {
            return problem;
        }
        if (snapshots.Current.ProductBySku(sku) is not { } anchor)
        {
            return UnknownSku(sku);
        }
        if (recommendations.Bundle(anchor.Id) is not { } bundle)
        {
            return Results.Problem(title: "No bundle for this product",
                detail: $"'{sku}' has no bought-together bundle whose items are all in stock.", statusCode: StatusCodes.Status404NotFound);
        }
        return Results.Ok(new BundleDto(anchor.Sku, [.. bundle.Items.Select(p => new BundleItemDto(p.Sku, p.Name, p.Price))],
            bundle.TotalPrice, bundle.Count, bundle.Support));
    }

    private static IResult Recommendations(string id, int? limit, RecommendationService recommendations, ServedListCache served,
        ShopperProfileStore profiles, IOptions<StorefrontApiOptions> options)
    {
        if ((LimitProblem(limit, options.Value) ?? IdProblem(options.Value, ("id", id))) is { } problem)
        {
            return problem;
        }
        var (snapshot, asOf) = served.Current();
        var profile = profiles.Find(snapshot, id, asOf);
        var items = recommendations.RecommendFor(profile, limit);
        var personalized = profile is not null && items.Any(r => !r.IsBestSeller);
        var dtos = items.Select((r, i) => new RecommendedItemDto(i + 1, r.Product.Sku, r.Product.Name, r.Product.Price,
            r.IsBestSeller ? "fallback" : "personalized", r.Reason)).ToList();
        var recommendationId = RecommendationId.ForShopper(id, asOf, [.. items.Select(r => r.Product.Id)]);
        return Results.Ok(new RecommendationsDto(id, personalized, recommendationId, dtos));
    }

    private static IResult? LimitProblem(int? limit, StorefrontApiOptions options) =>
        limit is { } n && (n < 1 || n > options.MaxLimit)
            ? Results.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"limit must be between 1 and {options.MaxLimit}."] })
            : null;

    /// <summary>A 400 naming every identifier longer than <see cref="StorefrontApiOptions.MaxIdLength"/>, or null.</summary>
    internal static IResult? IdProblem(StorefrontApiOptions options, params (string Name, string? Value)[] ids)
    {
        if (Array.TrueForAll(ids, id => id.Value is not { } value || value.Length <= options.MaxIdLength))
        {
            return null;
        }
        var errors = ids.Where(id => id.Value is { } value && value.Length > options.MaxIdLength)
            .ToDictionary(id => id.Name, id => new[] { $"{id.Name} is {id.Value!.Length:N0} characters long; at most {options.MaxIdLength} are accepted." });
        return errors.Count == 0 ? null : Results.ValidationProblem(errors);
    }

    private static IResult UnknownSku(string sku) => Results.Problem(
        title: "Unknown product", detail: $"There is no product with SKU '{sku}'.", statusCode: StatusCodes.Status404NotFound);
}
