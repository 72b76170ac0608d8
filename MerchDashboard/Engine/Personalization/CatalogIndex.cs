using MerchDashboard.Engine.Catalog;

namespace MerchDashboard.Engine.Personalization;

/// <summary>
/// The catalog as personalization reads it: products by id, category names (leaves and departments) for
/// explanations and persona rules, and each category's sorted prices for the price-sensitivity term.
/// </summary>
public sealed class CatalogIndex
{
    private readonly Dictionary<int, ProductInfo> products;
    private readonly IReadOnlyDictionary<int, string> categoryNames;
    private readonly Dictionary<int, decimal[]> sortedPricesByCategory;

    private CatalogIndex(Dictionary<int, ProductInfo> products, IReadOnlyDictionary<int, string> categoryNames)
    {
        this.products = products;
        this.categoryNames = categoryNames;
        sortedPricesByCategory = products.Values
            .GroupBy(p => p.CategoryId)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Price).Order().ToArray());
    }

    public static CatalogIndex Empty { get; } = Create([], new Dictionary<int, string>());

    /// <summary>Category names are those of leaves and departments by id; a missing one reads "category 12".</summary>
    public static CatalogIndex Create(IEnumerable<ProductInfo> products, IReadOnlyDictionary<int, string> categoryNames)
    {
        ArgumentNullException.ThrowIfNull(products);
        ArgumentNullException.ThrowIfNull(categoryNames);
        return new CatalogIndex(products.ToDictionary(p => p.Id), categoryNames);
    }

    public IReadOnlyCollection<ProductInfo> Products => products.Values;

    public ProductInfo? Find(int productId) => products.GetValueOrDefault(productId);

    public string CategoryName(int categoryId) =>
        categoryNames.TryGetValue(categoryId, out var name) ? name : $"category {categoryId}";

    /// <summary>True when the product's leaf category or department name contains the keyword (case-insensitive).</summary>
    public bool IsInCategoryNamed(ProductInfo product, string keyword)
    {
        ArgumentNullException.ThrowIfNull(product);
        return Contains(product.CategoryId, keyword)
            || (product.DepartmentId is { } department && Contains(department, keyword));
    }

    /// <summary>
    /// Cheapness in [0, 1]: the share of the catalog's products in the same leaf category priced strictly
    /// higher. The cheapest of a category scores close to 1, the dearest 0; a category of one scores 0.
    /// </summary>
    public double Cheapness(ProductInfo product)
    {
        ArgumentNullException.ThrowIfNull(product);
        if (!sortedPricesByCategory.TryGetValue(product.CategoryId, out var prices) || prices.Length == 0)
        {
            return 0;
        }

        return (double)(prices.Length - UpperBound(prices, product.Price)) / prices.Length;
    }

    private bool Contains(int categoryId, string keyword) =>
        categoryNames.TryGetValue(categoryId, out var name) && name.Contains(keyword, StringComparison.OrdinalIgnoreCase);

    private static int UpperBound(decimal[] sorted, decimal value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
