namespace MerchDashboard.Engine.Personalization;

/// <summary>
/// Weights of a shopper's affinity (see <see cref="ShopperProfile"/>): collaborative-filtering similarity,
/// category and brand affinity, which must sum to 1 so the blend stays in [0, 1]; and the recency half-life.
/// CF gets the most weight because it is the most specific signal; brand the least because many catalogs
/// carry few brands per category.
/// </summary>
public sealed record ProfileOptions(
    double HalfLifeDays = RecencyDecay.DefaultHalfLifeDays,
    double SimilarityWeight = 0.5,
    double CategoryWeight = 0.3,
    double BrandWeight = 0.2)
{
    public static ProfileOptions Default { get; } = new();

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(HalfLifeDays);
        ArgumentOutOfRangeException.ThrowIfNegative(SimilarityWeight);
        ArgumentOutOfRangeException.ThrowIfNegative(CategoryWeight);
        ArgumentOutOfRangeException.ThrowIfNegative(BrandWeight);
        if (Math.Abs(SimilarityWeight + CategoryWeight + BrandWeight - 1) > 1e-9)
        {
            throw new ArgumentException("The similarity, category and brand weights must sum to 1.");
        }
    }
}
