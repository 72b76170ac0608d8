namespace MerchDashboard.Engine.Catalog;

/// <summary>
/// What the engine knows of a product: an immutable copy of the catalog row, with its leaf category
/// and that category's department.
/// </summary>
public sealed record ProductInfo(
    int Id,
    string Sku,
    string Name,
    string Brand,
    int CategoryId,
    int? DepartmentId,
    decimal Price,
    int? Stock,
    bool IsActive,
    IReadOnlySet<string> Tags)
{
    /// <summary>Only active products with stock may be shown to a shopper; an unknown stock (null) counts as available.</summary>
    public bool IsAvailable => IsActive && Stock is null or > 0;

    public bool HasTag(string tag) => Tags.Contains(tag);
}
