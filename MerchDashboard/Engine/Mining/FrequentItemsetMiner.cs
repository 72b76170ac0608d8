namespace MerchDashboard.Engine.Mining;

/// <summary>
/// Mines every itemset of up to <c>maxLength</c> items whose count reaches <c>minCount</c>: Eclat's
/// depth-first search over vertical TID lists with LCM's "occurrence deliver" (Uno et al. 2004): the
/// extensions of a prefix P are counted in one pass over the baskets of P's TID list into a scratch
/// counter, and the TID lists of the frequent extensions are filled in a second pass of the same baskets.
/// Pairs are the first level of the same search, so no pair ever allocates. Top-level items run in
/// parallel; each worker owns its scratch arrays. See docs/mining.md for why this over FP-Growth.
/// </summary>
public static class FrequentItemsetMiner
{
    public static FrequentItemsets Mine(TransactionSet baskets, int minCount, int maxLength,
        IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baskets);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        minCount = Math.Max(1, minCount);
        var roots = Enumerable.Range(0, baskets.ItemCount).Where(i => baskets.ItemSupportCount(i) >= minCount).ToArray();
        var blocks = new ItemsetBlock?[roots.Length];
        if (maxLength > 1 && roots.Length > 0)
        {
            var totalWork = roots.Sum(i => (long)baskets.ItemSupportCount(i));
            long doneWork = 0;
            var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
            Parallel.For(0, roots.Length, options,
                () => new PrefixSearch(baskets, minCount, maxLength, roots),
                (index, _, search) =>
                {
                    blocks[index] = search.MineRoot(roots[index]);
                    var done = Interlocked.Add(ref doneWork, baskets.ItemSupportCount(roots[index]));
                    if ((index & 63) == 0)
                    {
                        progress?.Report((double)done / totalWork);
                    }
                    return search;
                },
                _ => { });
        }
        progress?.Report(1);
        return Assemble(baskets, minCount, maxLength, roots, blocks);
    }

    private static FrequentItemsets Assemble(TransactionSet baskets, int minCount, int maxLength, int[] roots, ItemsetBlock?[] blocks)
    {
        var itemsetCount = roots.Length;
        var itemLength = roots.Length;
        foreach (var block in blocks)
        {
            itemsetCount += block?.Counts.Length ?? 0;
            itemLength += block?.Items.Length ?? 0;
        }
        var starts = new int[itemsetCount + 1];
        var items = new int[itemLength];
        var counts = new int[itemsetCount];
        int set = 0, position = 0;
        for (var r = 0; r < roots.Length; r++)
        {
            items[position++] = roots[r];
            counts[set] = baskets.ItemSupportCount(roots[r]);
            starts[++set] = position;
            if (blocks[r] is not var (blockStarts, blockItems, blockCounts))
            {
                continue;
            }
            blockItems.CopyTo(items, position);
            for (var i = 0; i < blockCounts.Length; i++)
            {
                counts[set] = blockCounts[i];
                starts[++set] = position + blockStarts[i + 1];
            }
            position += blockItems.Length;
        }
        return new FrequentItemsets(baskets, minCount, maxLength, starts, items, counts);
    }
}
