namespace MerchDashboard.Features.Storefront;

/// <summary>One cart line: the product and how many units (1 when omitted).</summary>
public sealed record CartLineDto(string? Sku, int? Quantity);

/// <summary>The body of <c>POST /api/v1/cart/recommendations</c>; <c>limit</c> defaults to the mining settings' list size.</summary>
public sealed record CartRecommendationRequest(IReadOnlyList<CartLineDto>? Lines, string? CustomerId, string? VisitorId, int? Limit);

/// <summary>
/// One slot of a cart's list. <c>Complements</c> are the SKUs of the cart items it goes with; <c>Basis</c> is
/// why: <c>locked</c> (a locked slot of their list), <c>bought-together</c> (a mined itemset with them) or
/// <c>item-list</c> (their composed lists). Source, locked flag and personalized flag read as on the product endpoint.
/// </summary>
public sealed record CartSlotDto(
    int Slot, string Sku, string Name, decimal Price, string Source, bool Locked, bool Personalized,
    IReadOnlyList<string> Complements, string Basis, string Explanation, PairStatisticsDto? Statistics);

/// <summary>The cart's list; <c>ComposedAt</c> is its as-of time, the same instant as the product lists'.</summary>
public sealed record CartRecommendationsDto(
    string RecommendationId, DateTime ComposedAt, string? CustomerId, string? VisitorId, IReadOnlyList<string> Cart, IReadOnlyList<CartSlotDto> Items)
{
    /// <summary>The running experiment the list was composed for, or null (no experiment runs, or the request named no shopper).</summary>
    public string? Experiment { get; init; }

    /// <summary>The shopper's arm in <see cref="Experiment"/>, or null.</summary>
    public string? Arm { get; init; }
}
