using System.ComponentModel.DataAnnotations;

namespace MerchDashboard.Features.Storefront;

/// <summary>
/// Bound from <c>CartApi</c>: the bounds of <c>POST /api/v1/cart/recommendations</c>. A request past a bound
/// gets 400 ValidationProblem naming the field; nothing is composed. The list size itself is bounded by
/// <see cref="StorefrontApiOptions.MaxLimit"/>, as on the product endpoint.
/// </summary>
public sealed class CartApiOptions
{
    public const string Section = "CartApi";

    /// <summary>Most lines one cart may have: each distinct item costs two compositions of its own list.</summary>
    [Range(1, 500)]
    public int MaxLines { get; set; } = 50;

    /// <summary>Largest quantity of one line.</summary>
    [Range(1, 1_000_000)]
    public int MaxQuantity { get; set; } = 999;

    /// <summary>Longest customer or visitor id accepted.</summary>
    [Range(1, 1024)]
    public int MaxShopperIdLength { get; set; } = 64;
}
