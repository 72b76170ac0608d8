using System.Runtime.CompilerServices;

namespace MerchDashboard.Engine.Mining;

/// <summary>The itemsets found under one top-level item, flat as in <see cref="FrequentItemsets"/>.</summary>
internal readonly record struct ItemsetBlock(int[] Starts, int[] Items, int[] Counts);

/// <summary>
/// One worker's depth-first search (see <see cref="FrequentItemsetMiner"/>). Scratch state is sized to the
/// item count once and reset after each use, so the search allocates only its per-root output.
/// <c>_allowedDepth[b] &gt;= d</c> means item b may extend a prefix of length d: the frequent extensions of
/// a prefix are the only candidates of its children (the Apriori property).
/// </summary>
internal sealed class PrefixSearch
{
    private readonly TransactionSet _baskets;
    private readonly int _minCount;
    private readonly int _maxLength;
    private readonly int[] _counts;
    private readonly int[] _allowedDepth;
    private readonly IntBuffer _touched = new(1024);
    private readonly IntBuffer[] _extensions;
    private readonly IntBuffer[] _extensionCounts;
    private readonly IntBuffer[] _tidLists;
    private readonly int[] _prefix;
    private readonly IntBuffer _outStarts = new(1024);
    private readonly IntBuffer _outItems = new(4096);
    private readonly IntBuffer _outCounts = new(1024);

    public PrefixSearch(TransactionSet baskets, int minCount, int maxLength, int[] roots)
    {
        _baskets = baskets;
        _minCount = minCount;
        _maxLength = maxLength;
        _counts = new int[baskets.ItemCount];
        _allowedDepth = new int[baskets.ItemCount];
        foreach (var root in roots)
        {
            _allowedDepth[root] = 1;
        }
        _extensions = NewBuffers(maxLength);
        _extensionCounts = NewBuffers(maxLength);
        _tidLists = NewBuffers(maxLength);
        _prefix = new int[maxLength];
    }

    public ItemsetBlock MineRoot(int root)
    {
        _outStarts.Clear();
        _outItems.Clear();
        _outCounts.Clear();
        _outStarts.Add(0);
        _prefix[0] = root;
        Extend(1, _baskets.BasketsWith(root));
        return new ItemsetBlock(_outStarts.ToArray(), _outItems.ToArray(), _outCounts.ToArray());
    }

    private void Extend(int depth, ReadOnlySpan<int> tids)
    {
        var last = _prefix[depth - 1];
        var extensions = _extensions[depth];
        var extensionCounts = _extensionCounts[depth];
        CountExtensions(depth, last, tids, extensions, extensionCounts);
        if (extensions.Length == 0)
        {
            return;
        }
        var deeper = depth + 1 < _maxLength && extensions.Length > 1;
        var tidLists = _tidLists[depth];
        if (deeper)
        {
            DeliverOccurrences(depth, last, tids, extensions, extensionCounts, tidLists);
        }
        var start = 0;
        for (var e = 0; e < extensions.Length; e++)
        {
            _prefix[depth] = extensions[e];
            Emit(depth + 1, extensionCounts[e]);
            if (deeper && e < extensions.Length - 1)
            {
                Extend(depth + 1, tidLists.Span.Slice(start, extensionCounts[e]));
            }
            start += extensionCounts[e];
        }
        if (deeper)
        {
            foreach (var item in extensions.Span)
            {
                _allowedDepth[item] = depth;
            }
        }
    }

    /// <summary>Counts the items after <paramref name="last"/> in the baskets of the prefix and keeps the frequent ones, ascending.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CountExtensions(int depth, int last, ReadOnlySpan<int> tids, IntBuffer extensions, IntBuffer extensionCounts)
    {
        var counts = _counts;
        var allowed = _allowedDepth;
        _touched.Clear();
        foreach (var tid in tids)
        {
            var basket = _baskets.Basket(tid);
            for (var i = basket.BinarySearch(last) + 1; i < basket.Length; i++)
            {
                var item = basket[i];
                if (allowed[item] >= depth && counts[item]++ == 0)
                {
                    _touched.Add(item);
                }
            }
        }
        var touched = _touched.Span;
        touched.Sort();
        extensions.Clear();
        extensionCounts.Clear();
        foreach (var item in touched)
        {
            if (counts[item] >= _minCount)
            {
                extensions.Add(item);
                extensionCounts.Add(counts[item]);
            }
            counts[item] = 0;
        }
    }

    /// <summary>Fills the TID lists of the frequent extensions, one after another in <paramref name="tidLists"/>, and allows them one level deeper.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void DeliverOccurrences(int depth, int last, ReadOnlySpan<int> tids, IntBuffer extensions, IntBuffer extensionCounts, IntBuffer tidLists)
    {
        var next = _counts;
        var total = 0;
        for (var e = 0; e < extensions.Length; e++)
        {
            next[extensions[e]] = total;
            _allowedDepth[extensions[e]] = depth + 1;
            total += extensionCounts[e];
        }
        tidLists.SetLength(total);
        var lists = tidLists.Span;
        foreach (var tid in tids)
        {
            var basket = _baskets.Basket(tid);
            for (var i = basket.BinarySearch(last) + 1; i < basket.Length; i++)
            {
                var item = basket[i];
                if (_allowedDepth[item] > depth)
                {
                    lists[next[item]++] = tid;
                }
            }
        }
        foreach (var item in extensions.Span)
        {
            next[item] = 0;
        }
    }

    private void Emit(int length, int count)
    {
        for (var i = 0; i < length; i++)
        {
            _outItems.Add(_prefix[i]);
        }
        _outStarts.Add(_outItems.Length);
        _outCounts.Add(count);
    }

    private static IntBuffer[] NewBuffers(int count)
    {
        var buffers = new IntBuffer[count];
        for (var i = 0; i < count; i++)
        {
            buffers[i] = new IntBuffer();
        }
        return buffers;
    }
}
