namespace MerchDashboard.Engine.Personalization;

/// <summary>
/// Everything personalization learns from a store's history, computed together so that it comes from one
/// and the same history: the catalog, the item-similarity model, best sellers (most sold first) and the
/// profile options. Immutable; share one instance between requests.
/// </summary>
public sealed record PersonalizationModel(
    CatalogIndex Catalog,
    ItemSimilarityModel Similarity,
    IReadOnlyList<int> BestSellers,
    ProfileOptions Options)
{
    public static PersonalizationModel Empty { get; } =
        new(CatalogIndex.Empty, ItemSimilarityModel.Empty, [], ProfileOptions.Default);

    public static PersonalizationModel Train(
        IReadOnlyList<Purchase> history,
        CatalogIndex catalog,
        ProfileOptions? profileOptions = null,
        ItemSimilarityOptions? similarityOptions = null,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(catalog);
        profileOptions ??= ProfileOptions.Default;
        profileOptions.Validate();
        var similarity = ItemSimilarityBuilder.Build(history, similarityOptions, progress, cancellationToken);
        return new PersonalizationModel(catalog, similarity, Personalization.BestSellers.Rank(history), profileOptions);
    }
}
