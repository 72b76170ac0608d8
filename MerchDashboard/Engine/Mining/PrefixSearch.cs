using System.Runtime.CompilerServices;

namespace MerchDashboard.Engine.Mining;

/// <summary>The itemsets found under one top-level item, flat as in <see cref="FrequentItemsets"/>.</summary>
internal readonly record struct ItemsetBlock(int[] Starts, int[] Items, int[] Counts);

/// <summary>
/// One worker's depth-first search (see <see cref="FrequentItemsetMiner"/>). Scratch state is sized to the
/// item count once and reset after each use, so the search allocates only its per-root output.
/// <c>_allowedDepth[b] &gt;= d</c> means item b may extend a prefix of length d: the frequent extensions of
/// a prefix are the only candidates of its children (the Apriori property).
/// Every <see cref="CheckInterval"/> baskets visited, the search looks at the cancellation token and the
/// budget, so one long top-level item stops within milliseconds; each itemset emitted is paid from a
/// chunk reserved on the <see cref="MemoryBudget"/>, and a refused chunk stops the search.
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
    private readonly MemoryBudget _budget;
    private readonly CancellationToken _cancellationToken;
    private int _untilCheck = CheckInterval;
    private long _unreserved;

    public PrefixSearch(TransactionSet baskets, int minCount, int maxLength, int[] roots, MemoryBudget budget, CancellationToken cancellationToken)
    {
        _baskets = baskets;
        _budget = budget;
        _cancellationToken = cancellationToken;
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

    internal const int CheckInterval = 256;
    internal const long ReservationChunkBytes = 256 * 1024;

    /// <summary>The bytes an emitted itemset of this length costs: its items, start and count, in its block and in the assembled arrays.</summary>
    internal static long BytesPerItemset(int length) => 8L * (length + 2);

    /// <summary>Set when the token was cancelled or the budget refused a chunk: the output is then incomplete.</summary>
    public bool Stopped { get; private set; }

    /// <summary>All bytes this worker reserved on the budget.</summary>
    public long ReservedBytes { get; private set; }

    /// <summary>The part of <see cref="ReservedBytes"/> not spent on itemsets.</summary>
    public long UnusedBytes => _unreserved;

    public ItemsetBlock MineRoot(int root)
    {
        if (Stopped || MustStop())
        {
            return default;
        }
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
        if (extensions.Length == 0 || Stopped)
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
        for (var e = 0; e < extensions.Length && !Stopped; e++)
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
        // A local countdown: a field written once per basket would stay in memory in this hot loop.
        var untilCheck = _untilCheck;
        foreach (var tid in tids)
        {
            if (--untilCheck == 0)
            {
                untilCheck = CheckInterval;
                if (MustStop())
                {
                    break;
                }
            }
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
        _untilCheck = untilCheck;
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
        // A local countdown: a field written once per basket would stay in memory in this hot loop.
        var untilCheck = _untilCheck;
        foreach (var tid in tids)
        {
            if (--untilCheck == 0)
            {
                untilCheck = CheckInterval;
                if (MustStop())
                {
                    break;
                }
            }
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
        _untilCheck = untilCheck;
        foreach (var item in extensions.Span)
        {
            next[item] = 0;
        }
    }

    private bool MustStop()
    {
        if (_cancellationToken.IsCancellationRequested || _budget.Exceeded)
        {
            Stopped = true;
        }
        return Stopped;
    }

    private void Emit(int length, int count)
    {
        var cost = BytesPerItemset(length);
        if (_unreserved < cost)
        {
            if (!_budget.TryReserve(ReservationChunkBytes))
            {
                Stopped = true;
                return;
            }
            ReservedBytes += ReservationChunkBytes;
            _unreserved += ReservationChunkBytes;
        }
        _unreserved -= cost;
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
