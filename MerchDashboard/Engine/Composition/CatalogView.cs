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
    public string CategoryName(int categoryId) =>
        CategoryNames.TryGetValue(categoryId, out var name) ? name : $"category #{categoryId}";
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
