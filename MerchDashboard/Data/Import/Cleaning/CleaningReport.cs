namespace MerchDashboard.Data.Import.Cleaning;

/// <summary>One line of a file the cleaning acted on, for the report: its number and what happened to it.</summary>
public sealed record CleaningExample(long Line, string Text);

/// <summary>
/// One kind of cleaning (cancellations netted, fee lines set aside, ...): how many rows (or orders, for
/// order-level kinds), the units and the amount involved, and the first few lines with their numbers.
/// </summary>
public sealed record CleaningKind(string Name, long Count, long Units, decimal Amount, IReadOnlyList<CleaningExample> First);

/// <summary>Counts what the reading and the cleaning left out, merged or changed, kind by kind, in the order first met.</summary>
public sealed class CleaningTally(int maxExamples)
{
    private sealed class Entry(string name)
    {
        public string Name { get; } = name;
        public long Count;
        public long Units;
        public decimal Amount;
        public List<CleaningExample> First { get; } = [];
    }

    private readonly Dictionary<string, Entry> _kinds = new(StringComparer.Ordinal);
    private readonly List<Entry> _order = [];

    public void Add(string kind, long line, string text, long units = 0, decimal amount = 0)
    {
        if (!_kinds.TryGetValue(kind, out var entry))
        {
            _kinds[kind] = entry = new Entry(kind);
            _order.Add(entry);
        }
        entry.Count++;
        entry.Units += units;
        entry.Amount += amount;
        if (entry.First.Count < maxExamples)
        {
            entry.First.Add(new CleaningExample(line, Excerpt.Of(text)));
        }
    }

    public long Count(string kind) => _kinds.TryGetValue(kind, out var entry) ? entry.Count : 0;

    public IReadOnlyList<CleaningKind> Kinds =>
        [.. _order.Select(e => new CleaningKind(e.Name, e.Count, e.Units, e.Amount, [.. e.First]))];
}

/// <summary>The names of the kinds of cleaning, as the import report shows them.</summary>
public static class CleaningKinds
{
    public const string CancellationLinked = "cancellation or return subtracted from its order";
    public const string CancellationNetted = "cancellation or return netted against the customer's earlier orders";
    public const string CancellationUnmatched = "cancellation or return with nothing to subtract from (left out)";
    public const string OrderFullyCancelled = "order fully cancelled (left out)";
    public const string NonProduct = "non-product line: fee, postage or adjustment (left out)";
    public const string NonPositivePrice = "unit price zero or negative (left out)";
    public const string LargeOrder = "large order: stored, left out of mining";
    public const string SkuSpelling = "SKU spelled with another letter case (merged into the first spelling)";
}
