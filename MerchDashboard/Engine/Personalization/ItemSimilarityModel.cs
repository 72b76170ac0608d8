namespace MerchDashboard.Engine.Personalization;

/// <summary>
/// Item-to-item collaborative filtering (Linden, Smith &amp; York 2003): each product is a binary vector over
/// customers (bought it or not), and two products are as similar as the cosine of their vectors,
/// <c>sim(i, j) = co(i, j) / sqrt(n_i · n_j)</c>, where <c>n_i</c> counts the customers who bought i and
/// <c>co(i, j)</c> those who bought both; optionally shrunk by <c>co / (co + λ)</c>
/// (<see cref="ItemSimilarityOptions.Shrinkage"/>). Only the top M neighbours of each product are kept,
/// sorted by similarity (descending), then product id. Built by <see cref="ItemSimilarityBuilder"/>.
/// </summary>
public sealed class ItemSimilarityModel
{
    private readonly Dictionary<int, int> indexOf;
    private readonly int[] customerCounts;
    private readonly int[] offsets;
    private readonly ItemNeighbour[] neighbours;

    private readonly Lazy<(int[] Offsets, ItemNeighbour[] Entries)> listedBy;

    internal ItemSimilarityModel(Dictionary<int, int> indexOf, int[] customerCounts, int[] offsets, ItemNeighbour[] neighbours)
    {
        this.indexOf = indexOf;
        this.customerCounts = customerCounts;
        this.offsets = offsets;
        this.neighbours = neighbours;
        listedBy = new(BuildListedBy);
    }

    public static ItemSimilarityModel Empty { get; } = new([], [], [0], []);

    /// <summary>Products seen in the history the model was built from.</summary>
    public int ProductCount => customerCounts.Length;

    public IEnumerable<int> ProductIds => indexOf.Keys;

    /// <summary>n_i: distinct customers who bought the product; 0 for a product never bought.</summary>
    public int CustomerCount(int productId) =>
        indexOf.TryGetValue(productId, out var i) ? customerCounts[i] : 0;

    /// <summary>The product's top-M neighbours, most similar first; empty for an unknown product.</summary>
    public ReadOnlySpan<ItemNeighbour> NeighboursOf(int productId) =>
        indexOf.TryGetValue(productId, out var i)
            ? neighbours.AsSpan(offsets[i], offsets[i + 1] - offsets[i])
            : [];

    /// <summary>
    /// The products that keep this one among their top-M neighbours, each with the similarity in its list (the
    /// reverse of <see cref="NeighboursOf"/>), in the order of their lists; empty for an unknown product. Indexed once per model.
    /// </summary>
    public ReadOnlySpan<ItemNeighbour> ListedBy(int productId)
    {
        if (!indexOf.TryGetValue(productId, out var i))
        {
            return [];
        }
        var (starts, entries) = listedBy.Value;
        return entries.AsSpan(starts[i], starts[i + 1] - starts[i]);
    }

    private (int[] Offsets, ItemNeighbour[] Entries) BuildListedBy()
    {
        var counts = new int[customerCounts.Length + 1];
        foreach (var neighbour in neighbours)
        {
            if (indexOf.TryGetValue(neighbour.ProductId, out var j))
            {
                counts[j + 1]++;
            }
        }
        for (var j = 0; j < customerCounts.Length; j++)
        {
            counts[j + 1] += counts[j];
        }
        var next = counts[..^1];
        var entries = new ItemNeighbour[counts[^1]];
        var productOf = new int[customerCounts.Length];
        foreach (var (productId, index) in indexOf)
        {
            productOf[index] = productId;
        }
        for (var i = 0; i < customerCounts.Length; i++)
        {
            for (var k = offsets[i]; k < offsets[i + 1]; k++)
            {
                if (indexOf.TryGetValue(neighbours[k].ProductId, out var j))
                {
                    entries[next[j]++] = neighbours[k] with { ProductId = productOf[i] };
                }
            }
        }
        return (counts, entries);
    }

    /// <summary>The similarity of the product's nearest neighbour; 0 when it has none.</summary>
    public double TopSimilarity(int productId)
    {
        var list = NeighboursOf(productId);
        return list.IsEmpty ? 0 : list[0].Similarity;
    }

    /// <summary>
    /// sim(a, b) when either product keeps the other among its top-M neighbours; otherwise 0 (too weak to keep).
    /// </summary>
    public double Similarity(int a, int b)
    {
        foreach (var n in NeighboursOf(a))
        {
            if (n.ProductId == b)
            {
                return n.Similarity;
            }
        }

        foreach (var n in NeighboursOf(b))
        {
            if (n.ProductId == a)
            {
                return n.Similarity;
            }
        }

        return 0;
    }
}
