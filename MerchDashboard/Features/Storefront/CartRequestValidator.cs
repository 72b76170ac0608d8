namespace MerchDashboard.Features.Storefront;

/// <summary>The bounds of a cart request, field by field, before any SKU is looked up; null when it is within them (nothing allocated for a valid request).</summary>
public static class CartRequestValidator
{
    public static Dictionary<string, string[]>? Validate(CartRecommendationRequest request, CartApiOptions options, int maxLimit)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        Dictionary<string, string[]>? errors = null;
        var lines = request.Lines ?? [];
        if (lines.Count == 0 || lines.Count > options.MaxLines)
        {
            return new() { ["lines"] = [$"Send between 1 and {options.MaxLines} cart lines."] };
        }
        for (var i = 0; i < lines.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]?.Sku))
            {
                (errors ??= [])[$"lines[{i}].sku"] = ["The SKU is required."];
            }
            if (lines[i]?.Quantity is { } quantity && (quantity < 1 || quantity > options.MaxQuantity))
            {
                (errors ??= [])[$"lines[{i}].quantity"] = [$"The quantity must be between 1 and {options.MaxQuantity}."];
            }
        }
        if (request.Limit is { } limit && (limit < 1 || limit > maxLimit))
        {
            (errors ??= [])["limit"] = [$"limit must be between 1 and {maxLimit}."];
        }
        if (request.CustomerId is { } customer && customer.Length > options.MaxShopperIdLength)
        {
            (errors ??= [])["customerId"] = [$"{options.MaxShopperIdLength} characters at most."];
        }
        if (request.VisitorId is { } visitor && visitor.Length > options.MaxShopperIdLength)
        {
            (errors ??= [])["visitorId"] = [$"{options.MaxShopperIdLength} characters at most."];
        }
        return errors;
    }
}
