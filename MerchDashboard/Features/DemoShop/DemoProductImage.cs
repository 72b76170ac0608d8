using System.Globalization;
using System.Net;
using MerchDashboard.Engine.Catalog;

namespace MerchDashboard.Features.DemoShop;

/// <summary>The demo store has no photos: a product "image" is a tile in its category's colour with its brand, so the widget's images and alt texts can be seen.</summary>
public static class DemoProductImage
{
    public static string Svg(ProductInfo product)
    {
        var hue = (product.CategoryId * 47 % 360).ToString(CultureInfo.InvariantCulture);
        var brand = WebUtility.HtmlEncode(product.Brand);
        return $"""
            <svg xmlns="http://www.w3.org/2000/svg" width="192" height="192" viewBox="0 0 192 192" role="img">
            <rect width="192" height="192" rx="16" fill="hsl({hue} 55% 88%)"/>
            <text x="96" y="104" font-family="sans-serif" font-size="22" text-anchor="middle" fill="hsl({hue} 60% 25%)">{brand}</text>
            </svg>
            """;
    }
}
