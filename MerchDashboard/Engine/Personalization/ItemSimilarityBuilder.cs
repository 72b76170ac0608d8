using System.Collections.Concurrent;

namespace MerchDashboard.Engine.Personalization;

/// <summary>
/// Builds an <see cref="ItemSimilarityModel"/> the way Linden et al. describe: for each product i, walk the
/// customers who bought it and, through each customer's item set, count co-customers of every other product
/// in a scratch array; only pairs that share a customer are ever touched. Cost is the sum over customers of
/// (distinct items)², spread over the cores by product.
/// </summary>
public static class ItemSimilarityBuilder
{
    public static ItemSimilarityModel Build(
        IReadOnlyList<Purchase> purchases,
        ItemSimilarityOptions? options = null,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(purchases);
        options ??= ItemSimilarityOptions.Default;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.NeighboursPerItem);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Shrinkage);

        var matrix = PurchaseMatrix.Create(purchases, cancellationToken);
        var perItem = new ItemNeighbour[matrix.ProductCount][];
        var done = 0;
        var parallel = new ParallelOptions { CancellationToken = cancellationToken };
        var chunk = Math.Max(16, matrix.ProductCount / 64);
        if (matrix.ProductCount == 0)
        {
            // A fresh install has no orders yet; the partitioner refuses an empty range.
            return Flatten(matrix, perItem);
        }
        Parallel.ForEach(
            Partitioner.Create(0, matrix.ProductCount, chunk),
            parallel,
            () => new Scratch(matrix.ProductCount, options.NeighboursPerItem),
            (range, _, scratch) =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    perItem[i] = NeighboursOf(i, matrix, options, scratch);
                }

                progress?.Report((double)Interlocked.Add(ref done, range.Item2 - range.Item1) / matrix.ProductCount);
                return scratch;
            },
            _ => { });

        return Flatten(matrix, perItem);
    }

    private static ItemNeighbour[] NeighboursOf(int i, PurchaseMatrix matrix, ItemSimilarityOptions options, Scratch scratch)
    {
        var co = scratch.CoCounts;
        var touched = scratch.Touched;
        var touchedCount = 0;
        foreach (var customer in matrix.CustomersOf(i))
        {
            foreach (var j in matrix.ItemsOf(customer))
            {
                if (j != i && co[j]++ == 0)
                {
                    touched[touchedCount++] = j;
                }
            }
        }

        var top = scratch.Top;
        top.Clear();
        var ni = (double)matrix.CustomerCounts[i];
        for (var t = 0; t < touchedCount; t++)
        {
            var j = touched[t];
            var count = co[j];
            co[j] = 0;
            var similarity = count / Math.Sqrt(ni * matrix.CustomerCounts[j]);
            if (options.Shrinkage > 0)
            {
                similarity *= count / (count + options.Shrinkage);
            }

            var neighbour = new ItemNeighbour(matrix.ProductIds[j], similarity, count);
            if (top.Count < options.NeighboursPerItem)
            {
                top.Enqueue(neighbour, neighbour);
            }
            else
            {
                top.EnqueueDequeue(neighbour, neighbour);
            }
        }

        var result = new ItemNeighbour[top.Count];
        for (var r = result.Length - 1; r >= 0; r--)
        {
            result[r] = top.Dequeue();
        }

        return result;
    }

    private static ItemSimilarityModel Flatten(PurchaseMatrix matrix, ItemNeighbour[][] perItem)
    {
        var offsets = new int[perItem.Length + 1];
        for (var i = 0; i < perItem.Length; i++)
        {
            offsets[i + 1] = offsets[i] + perItem[i].Length;
        }

        var all = new ItemNeighbour[offsets[^1]];
        for (var i = 0; i < perItem.Length; i++)
        {
            perItem[i].CopyTo(all, offsets[i]);
        }

        var indexOf = new Dictionary<int, int>(matrix.ProductCount);
        for (var i = 0; i < matrix.ProductCount; i++)
        {
            indexOf[matrix.ProductIds[i]] = i;
        }

        return new ItemSimilarityModel(indexOf, matrix.CustomerCounts, offsets, all);
    }

    /// <summary>Orders neighbours worst first (lower similarity, then higher product id), for a min-heap of the best M.</summary>
    private sealed class WorstFirst : IComparer<ItemNeighbour>
    {
        public static WorstFirst Instance { get; } = new();

        public int Compare(ItemNeighbour x, ItemNeighbour y)
        {
            var bySimilarity = x.Similarity.CompareTo(y.Similarity);
            return bySimilarity != 0 ? bySimilarity : y.ProductId.CompareTo(x.ProductId);
        }
    }

    private sealed class Scratch(int productCount, int neighbours)
    {
        public int[] CoCounts { get; } = new int[productCount];
        public int[] Touched { get; } = new int[productCount];
        public PriorityQueue<ItemNeighbour, ItemNeighbour> Top { get; } = new(neighbours + 1, WorstFirst.Instance);
    }
}
