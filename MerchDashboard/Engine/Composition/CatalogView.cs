using MerchDashboard.Engine.Catalog;

namespace MerchDashboard.Engine.Composition;

/// <summary>
/// What the composer may read of the catalog, loaded once and shared by many compositions.
/// </summary>
/// <param name="Products">Every product by id, available or not.</param>
/// <param name="CategoryNames">Category and department names by id, for explanations.</param>
/// <param name="Rules">The active complement rules, in the order they were created.</param>
/// <param name="BestSellers">
/// Category id (a leaf or a department) to product ids ranked by units sold, best first. A department's
/// entry ranks the products of all its leaves. Products without sales may follow (by id), so that rules
/// reach new products too.
/// </param>
public sealed record CatalogView(
    IReadOnlyDictionary<int, ProductInfo> Products,
    IReadOnlyDictionary<int, string> CategoryNames,
    IReadOnlyList<ComplementRuleInfo> Rules,
    IReadOnlyDictionary<int, IReadOnlyList<int>> BestSellers)
{
    /// <summary>Every product id ranked by units sold, best first: the fallback of a product without a known category.</summary>
    public IReadOnlyList<int> StoreBestSellers { get; init; } = [];

    /// <summary>Categories that stand for "no category" (the importer's "Uncategorized"): their products are nobody's substitutes.</summary>
    public IReadOnlySet<int> UnknownCategories { get; init; } = new HashSet<int>();

    /// <summary>The merchandiser's per-category setting; a category not listed decides by evidence.</summary>
    public IReadOnlyDictionary<int, CategoryPairing> Pairings { get; init; } = new Dictionary<int, CategoryPairing>();

    public SameCategoryEvidence Evidence { get; init; } = SameCategoryEvidence.Default;

    public string CategoryName(int categoryId) =>
        CategoryNames.TryGetValue(categoryId, out var name) ? name : $"category #{categoryId}";

    public bool IsUnknownCategory(int categoryId) => UnknownCategories.Contains(categoryId);

    public CategoryPairing PairingOf(int categoryId) => Pairings.GetValueOrDefault(categoryId);

    /// <summary>
    /// How <paramref name="product"/> relates to <paramref name="anchor"/>; <paramref name="pair"/> is their
    /// mined pair, if any. A substitute is <see cref="Kinship.SetAsAlternatives"/> or <see cref="Kinship.NoEvidence"/>.
    /// </summary>
    internal Kinship KinshipOf(ProductInfo anchor, ProductInfo product, MinedCandidate? pair)
    {
        if (product.CategoryId != anchor.CategoryId)
        {
            return Kinship.OtherCategory;
        }
        if (IsUnknownCategory(anchor.CategoryId))
        {
            return Kinship.UnknownCategory;
        }
        return PairingOf(anchor.CategoryId) switch
        {
            CategoryPairing.GoTogether => Kinship.SetToGoTogether,
            CategoryPairing.Alternatives => Kinship.SetAsAlternatives,
            _ => Evidence.IsBoughtTogether(pair) ? Kinship.BoughtTogether : Kinship.NoEvidence,
        };
    }

    internal static bool IsSubstitute(Kinship kinship) => kinship is Kinship.SetAsAlternatives or Kinship.NoEvidence;
}

/// <summary>
/// A merchandiser's hint: products of a source category (leaf or department) or carrying a source tag go
/// with products of the target category. A rule with both a category and a tag matches on either.
/// </summary>
public sealed record ComplementRuleInfo(int? SourceCategoryId, string? SourceTag, int TargetCategoryId, string Note = "")
{
    public bool AppliesTo(ProductInfo anchor) =>
        (SourceCategoryId is { } category && (category == anchor.CategoryId || category == anchor.DepartmentId))
        || (SourceTag is { } tag && anchor.HasTag(tag));
}
