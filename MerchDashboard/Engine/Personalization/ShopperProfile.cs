using MerchDashboard.Engine.Catalog;
using MerchDashboard.Engine.Composition;

namespace MerchDashboard.Engine.Personalization;

/// <summary>
/// A shopper as personalization sees them, built by <see cref="ShopperProfileBuilder"/> from their purchase
/// history at an as-of time. Each purchase line weighs its recency <c>d = 0.5 ^ (age days / half-life)</c>.
/// <list type="bullet">
/// <item>Item weight <c>w_i</c>: the recency of the latest purchase of owned item i, divided by the largest
/// such recency, so the most recent item weighs 1.</item>
/// <item>Category (brand) affinity: the sum of <c>d</c> over lines in that category (brand), divided by the
/// largest such sum, so the favourite category weighs 1.</item>
/// <item>Similarity <c>cf(p) = max over owned i of w_i · sim(i, p) / topSim(i)</c>, where <c>topSim(i)</c> is the
/// similarity of i's nearest neighbour: p scores 1 when it is the best neighbour of the most recent item.</item>
/// <item><c>AffinityFor(p) = (1 − s) · (wS · cf + wC · category + wB · brand) + s · cheapness(p)</c>, with the
/// weights of <see cref="ProfileOptions"/> (0.5, 0.3, 0.2), price sensitivity <c>s</c> (0 except for bargain
/// hunters) and cheapness from <see cref="CatalogIndex.Cheapness"/>. A shopper with no history scores 0.</item>
/// </list>
/// <see cref="ReasonFor"/> names the largest of the four terms.
/// </summary>
public sealed class ShopperProfile : IShopperAffinity
{
    private readonly PersonalizationModel model;
    private readonly Lazy<SimilarityScores> similarityByCandidate;
    private readonly Lazy<IReadOnlyDictionary<int, IReadOnlyList<int>>> categoryDrivers;
    private readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<int>>> brandDrivers;
    private readonly IReadOnlyDictionary<int, int> linesByCategory;

    internal ShopperProfile(string label, double priceSensitivity, PersonalizationModel model, ProfileParts parts)
    {
        ShopperLabel = label;
        PriceSensitivity = priceSensitivity;
        this.model = model;
        ItemWeights = parts.ItemWeights;
        CategoryAffinity = parts.CategoryAffinity;
        BrandAffinity = parts.BrandAffinity;
        categoryDrivers = new(parts.CategoryDrivers);
        brandDrivers = new(parts.BrandDrivers);
        similarityByCandidate = new(() => SimilarityScores.Build(ItemWeights, model.Similarity));
        linesByCategory = parts.LinesByCategory;
    }

    public string ShopperLabel { get; }

    /// <summary>s in [0, 1]: how much a low price within its category draws this shopper.</summary>
    public double PriceSensitivity { get; }

    public bool IsEmpty => ItemWeights.Count == 0;

    /// <summary>Owned products with their normalized recency weight w_i in (0, 1].</summary>
    public IReadOnlyDictionary<int, double> ItemWeights { get; }

    public IEnumerable<int> OwnedProducts => ItemWeights.Keys;

    public IReadOnlyDictionary<int, double> CategoryAffinity { get; }

    public IReadOnlyDictionary<string, double> BrandAffinity { get; }

    /// <summary>Per category, the owned products behind its affinity, largest contribution first.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<int>> CategoryDrivers => categoryDrivers.Value;

    public IReadOnlyDictionary<string, IReadOnlyList<int>> BrandDrivers => brandDrivers.Value;

    public bool Owns(int productId) => ItemWeights.ContainsKey(productId);

    /// <summary>
    /// Roughly the bytes this profile holds once its similarity scores are computed (which this computes): a fixed part
    /// (the object, its lazy parts and a dozen small dictionaries), a part per owned item, category and brand, and 16 bytes
    /// per similarity score. The constants come from the retained heap of 100,000 profiles (docs/benchmarks.md);
    /// serving uses the figure to keep profiles within a budget.
    /// </summary>
    public long EstimatedBytes =>
        ProfileFixedBytes + (BytesPerPart * (ItemWeights.Count + CategoryAffinity.Count + BrandAffinity.Count)) + (16L * similarityByCandidate.Value.Count);

    private const long ProfileFixedBytes = 2_000;
    private const long BytesPerPart = 160;

    public double AffinityFor(ProductInfo product) => Explain(product).Total;

    public string? ReasonFor(ProductInfo product)
    {
        var e = Explain(product);
        var options = model.Options;
        // The largest of the four terms names the reason (the first of equal ones, NaN below all, as MaxBy ordered them); only its text is built.
        var best = 0;
        var largest = (1 - PriceSensitivity) * options.SimilarityWeight * e.Similarity;
        Consider(1, (1 - PriceSensitivity) * options.CategoryWeight * e.Category, ref best, ref largest);
        Consider(2, (1 - PriceSensitivity) * options.BrandWeight * e.Brand, ref best, ref largest);
        Consider(3, PriceSensitivity * e.Cheapness, ref best, ref largest);
        if (!(largest > 0))
        {
            return null;
        }
        return best switch
        {
            0 => $"because you bought {ProductName(e.SimilarTo)}",
            1 => CategoryReason(product.CategoryId),
            2 => $"you like {product.Brand}",
            _ => $"a low price for {model.Catalog.CategoryName(product.CategoryId)}",
        };
    }

    private static void Consider(int term, double contribution, ref int best, ref double largest)
    {
        if (contribution.CompareTo(largest) > 0)
        {
            best = term;
            largest = contribution;
        }
    }

    /// <summary>The terms of <see cref="AffinityFor"/>, for explanations and tests.</summary>
    public AffinityBreakdown Explain(ProductInfo product)
    {
        ArgumentNullException.ThrowIfNull(product);
        if (IsEmpty)
        {
            return AffinityBreakdown.None;
        }

        var (similarity, similarTo) = SimilarityTo(product.Id);
        var category = CategoryAffinity.GetValueOrDefault(product.CategoryId);
        var brand = BrandAffinity.GetValueOrDefault(product.Brand);
        var cheapness = PriceSensitivity > 0 ? model.Catalog.Cheapness(product) : 0;
        var options = model.Options;
        var total = (1 - PriceSensitivity)
            * (options.SimilarityWeight * similarity + options.CategoryWeight * category + options.BrandWeight * brand)
            + PriceSensitivity * cheapness;
        return new AffinityBreakdown(total, similarity, similarTo, category, brand, cheapness);
    }

    /// <summary>cf(p) and the owned item that gives it, looked up in the scores computed once for this profile.</summary>
    private (double Score, int? From) SimilarityTo(int productId) => similarityByCandidate.Value.Of(productId);

    private string CategoryReason(int categoryId)
    {
        var name = model.Catalog.CategoryName(categoryId);
        return linesByCategory.GetValueOrDefault(categoryId) >= 2 ? $"you often buy {name}" : $"you bought from {name}";
    }

    private string ProductName(int? productId) =>
        productId is { } id && model.Catalog.Find(id) is { } product ? product.Name : $"product {productId}";
}

/// <summary>The terms of a shopper's affinity for one product; <see cref="SimilarTo"/> is the owned item behind <see cref="Similarity"/>.</summary>
public readonly record struct AffinityBreakdown(
    double Total, double Similarity, int? SimilarTo, double Category, double Brand, double Cheapness)
{
    public static AffinityBreakdown None { get; } = new(0, 0, null, 0, 0, 0);
}

internal readonly record struct ScoredFrom(double Score, int From);

internal sealed record ProfileParts(
    IReadOnlyDictionary<int, double> ItemWeights,
    IReadOnlyDictionary<int, double> CategoryAffinity,
    IReadOnlyDictionary<string, double> BrandAffinity,
    Func<IReadOnlyDictionary<int, IReadOnlyList<int>>> CategoryDrivers,
    Func<IReadOnlyDictionary<string, IReadOnlyList<int>>> BrandDrivers,
    IReadOnlyDictionary<int, int> LinesByCategory)
{
    public static ProfileParts Empty { get; } = new(
        new Dictionary<int, double>(), new Dictionary<int, double>(), new Dictionary<string, double>(),
        () => new Dictionary<int, IReadOnlyList<int>>(), () => new Dictionary<string, IReadOnlyList<int>>(),
        new Dictionary<int, int>());
}
