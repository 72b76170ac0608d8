namespace MerchDashboard.Engine.Personalization;

/// <summary>
/// A shopper's similarity score for every product near what they own, computed once per profile:
/// <c>cf(p) = max over owned i of w_i · sim(i, p) / topSim(i)</c>, over the pairs where either keeps the other among its
/// top-M neighbours (i's list, or p's list through <see cref="ItemSimilarityModel.ListedBy"/>), ties to the lowest i.
/// Sorted arrays: 16 bytes a product and a binary search per lookup, where a dictionary of the same took about twice the
/// memory and a scan of the candidate's neighbours per lookup.
/// </summary>
internal sealed class SimilarityScores
{
    private readonly int[] products;
    private readonly double[] scores;
    private readonly int[] from;

    private SimilarityScores(int[] products, double[] scores, int[] from)
    {
        this.products = products;
        this.scores = scores;
        this.from = from;
    }

    public int Count => products.Length;

    public static SimilarityScores Build(IReadOnlyDictionary<int, double> itemWeights, ItemSimilarityModel similarity)
    {
        var entries = new List<(int Product, double Score, int From)>();
        foreach (var (item, weight) in itemWeights)
        {
            var top = similarity.TopSimilarity(item);
            foreach (var neighbour in similarity.NeighboursOf(item))
            {
                entries.Add((neighbour.ProductId, weight * neighbour.Similarity / top, item));
            }
            foreach (var listing in similarity.ListedBy(item))
            {
                entries.Add((listing.ProductId, weight * listing.Similarity / top, item));
            }
        }
        entries.Sort(static (a, b) => a.Product != b.Product ? a.Product.CompareTo(b.Product)
            : a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.From.CompareTo(b.From));
        var kept = 0;
        for (var k = 0; k < entries.Count; k++)
        {
            if (entries[k].Score > 0 && (kept == 0 || entries[kept - 1].Product != entries[k].Product))
            {
                entries[kept++] = entries[k];
            }
        }
        var (products, scores, from) = (new int[kept], new double[kept], new int[kept]);
        for (var k = 0; k < kept; k++)
        {
            (products[k], scores[k], from[k]) = entries[k];
        }
        return new SimilarityScores(products, scores, from);
    }

    /// <summary>cf(p), at most 1, and the owned item giving it; (0, null) for a product near nothing owned.</summary>
    public (double Score, int? From) Of(int productId)
    {
        var k = Array.BinarySearch(products, productId);
        return k >= 0 ? (Math.Min(1, scores[k]), from[k]) : (0, null);
    }
}
