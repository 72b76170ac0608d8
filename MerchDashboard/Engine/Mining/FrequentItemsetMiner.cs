using System.Collections.Concurrent;

namespace MerchDashboard.Engine.Mining;

/// <summary>
/// Mines every itemset of up to <c>maxLength</c> items (0: no limit, that is up to the longest basket) whose
/// count reaches <c>minCount</c>: Eclat's depth-first search over vertical TID lists with LCM's "occurrence
/// deliver" (Uno et al. 2004): the extensions of a prefix P are counted in one pass over the baskets of P's
/// TID list into a scratch counter, and the TID lists of the frequent extensions are filled in a second pass
/// of the same baskets. Pairs are the first level of the same search, so no pair ever allocates. Top-level
/// items run in parallel; each worker owns its scratch arrays. Everything the search holds is paid from a
/// <see cref="MemoryBudget"/>: when it would be exceeded the search stops and <see cref="TryMine"/> returns
/// null, with every byte it reserved given back. See docs/mining.md for why this over FP-Growth.
/// </summary>
public static class FrequentItemsetMiner
{
    /// <summary>Mines without a limit (the budget still counts): for tests and measurements, where the input is known.</summary>
    public static FrequentItemsets Mine(TransactionSet baskets, int minCount, int maxLength,
        IProgress<double>? progress = null, CancellationToken cancellationToken = default) =>
        TryMine(baskets, minCount, maxLength, MemoryBudget.Unlimited(), progress, cancellationToken)
        ?? throw new InvalidOperationException("An unlimited budget cannot be exceeded.");

    /// <summary>
    /// The frequent itemsets, their bytes left reserved on <paramref name="budget"/> (give them back with
    /// <see cref="FrequentItemsets.AccountedBytes"/> when done); null when the budget would be exceeded.
    /// The encoded baskets are not reserved here: the caller owns them.
    /// </summary>
    public static FrequentItemsets? TryMine(TransactionSet baskets, int minCount, int maxLength, MemoryBudget budget,
        IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baskets);
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentOutOfRangeException.ThrowIfNegative(maxLength);
        cancellationToken.ThrowIfCancellationRequested();
        minCount = Math.Max(1, minCount);
        var depthLimit = Math.Max(1, maxLength == 0 ? baskets.LongestBasket : Math.Min(maxLength, Math.Max(1, baskets.LongestBasket)));
        var roots = Enumerable.Range(0, baskets.ItemCount).Where(i => baskets.ItemSupportCount(i) >= minCount).ToArray();
        var rootBytes = roots.Length * PrefixSearch.BytesPerItemset(1);
        if (!budget.TryReserve(rootBytes))
        {
            return null;
        }
        var blocks = new ItemsetBlock?[roots.Length];
        long searchBytes = 0;
        if (depthLimit > 1 && roots.Length > 0)
        {
            var workers = Environment.ProcessorCount;
            var scratchBytes = workers * ScratchBytes(baskets, roots);
            if (!budget.TryReserve(scratchBytes))
            {
                budget.Release(rootBytes);
                return null;
            }
            var searches = new ConcurrentBag<PrefixSearch>();
            var totalWork = roots.Sum(i => (long)baskets.ItemSupportCount(i));
            long doneWork = 0;
            var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = workers };
            var complete = false;
            try
            {
                Parallel.For(0, roots.Length, options,
                    () => new PrefixSearch(baskets, minCount, depthLimit, roots, budget, cancellationToken),
                    (index, state, search) =>
                    {
                        blocks[index] = search.MineRoot(roots[index]);
                        if (search.Stopped)
                        {
                            state.Stop();
                            return search;
                        }
                        var done = Interlocked.Add(ref doneWork, baskets.ItemSupportCount(roots[index]));
                        if ((index & 63) == 0)
                        {
                            progress?.Report((double)done / totalWork);
                        }
                        return search;
                    },
                    searches.Add);
                cancellationToken.ThrowIfCancellationRequested();
                complete = !searches.Any(s => s.Stopped);
            }
            finally
            {
                budget.Release(scratchBytes);
                foreach (var search in searches)
                {
                    searchBytes += search.ReservedBytes - search.UnusedBytes;
                    budget.Release(search.UnusedBytes);
                }
                if (!complete)
                {
                    budget.Release(rootBytes + searchBytes);
                }
            }
            if (!complete)
            {
                return null;
            }
        }
        progress?.Report(1);
        return Assemble(baskets, minCount, depthLimit, roots, blocks, rootBytes + searchBytes);
    }

    /// <summary>
    /// One worker's scratch: a counter and a mark per item, and its per-depth buffers, of which the first two
    /// levels dominate (an item's TID list at most, deeper lists are subsets); twice for growth slack.
    /// </summary>
    private static long ScratchBytes(TransactionSet baskets, int[] roots)
    {
        var largestSupport = roots.Max(baskets.ItemSupportCount);
        return (8L * baskets.ItemCount) + (2 * 2 * ((4L * largestSupport) + (8L * roots.Length)));
    }

    private static FrequentItemsets Assemble(TransactionSet baskets, int minCount, int maxLength, int[] roots, ItemsetBlock?[] blocks, long accountedBytes)
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
        return new FrequentItemsets(baskets, minCount, maxLength, starts, items, counts, accountedBytes);
    }
}
