namespace MerchDashboard.Engine.Personalization;

/// <summary>A product similar to another, with their cosine similarity and the number of customers who bought both.</summary>
public readonly record struct ItemNeighbour(int ProductId, double Similarity, int CoCustomers);

/// <summary>
/// <see cref="NeighboursPerItem"/> is M, the neighbours kept per product. <see cref="Shrinkage"/> is λ of the
/// factor co / (co + λ) applied to every similarity; 0 (the default) keeps plain cosine. A few customers in
/// common make a noisy cosine between two rare products; λ around 5 damps it.
/// </summary>
public sealed record ItemSimilarityOptions(int NeighboursPerItem = 30, double Shrinkage = 0)
{
    public static ItemSimilarityOptions Default { get; } = new();
}
