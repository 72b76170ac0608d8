using System.Runtime.CompilerServices;
using MerchDashboard.Data.Import;
using MerchDashboard.Engine.Mining;

namespace MerchDashboard.Tests.Engine.Mining;

/// <summary>
/// Baskets of string labels for engine tests, encoded as the CLI encodes SKUs (<see cref="SkuBasketBuilder"/>: labels
/// numbered in ordinal order) and read back as labels. The labels are remembered against the set's id list, which
/// <see cref="TransactionSet.WithBasketsOfAtMost"/> and <see cref="FrequentItemsets.Baskets"/> share.
/// </summary>
internal static class LabelledTestBaskets
{
    private static readonly ConditionalWeakTable<IReadOnlyList<int>, IReadOnlyList<string>> LabelsByIds = new();

    public static TransactionSet Encode(IEnumerable<IEnumerable<string>> baskets) => Remember(LabelledBaskets.FromBaskets(baskets));

    public static TransactionSet Remember(LabelledBaskets labelled)
    {
        LabelsByIds.AddOrUpdate(labelled.Baskets.Ids, labelled.Labels);
        return labelled.Baskets;
    }

    /// <summary>The label of an id (as results carry them).</summary>
    public static string LabelOfId(this TransactionSet baskets, int id) => LabelsOf(baskets)[id];

    /// <summary>The label of an item (the set's dense numbering).</summary>
    public static string Label(this TransactionSet baskets, int item) => baskets.LabelOfId(baskets.Id(item));

    /// <summary>The item labelled so, or -1.</summary>
    public static int IdOf(this TransactionSet baskets, string label)
    {
        var id = Array.BinarySearch([.. LabelsOf(baskets)], label, StringComparer.Ordinal);
        return id >= 0 ? baskets.ItemOf(id) : -1;
    }

    public static string[] Labels(this FrequentItemsets itemsets, int itemset) => [.. itemsets.Ids(itemset).Select(itemsets.Baskets.LabelOfId)];

    public static LabelledResult Labelled(this MiningResult result, TransactionSet baskets) => new(result.BasketCount, result.MinCount, result.Fallback,
        [.. result.Anchors.Select(a => new LabelledAnchor(baskets.LabelOfId(a.Anchor), a.AnchorCount,
            [.. a.Candidates.Select(c => new LabelledCandidate(baskets.LabelOfId(c.Item), c.Statistics, c.Score))],
            [.. a.Bundles.Select(b => new LabelledBundle([.. b.Items.Select(baskets.LabelOfId)], b.Count, b.Support, b.Score))]))]);

    private static IReadOnlyList<string> LabelsOf(TransactionSet baskets) =>
        LabelsByIds.TryGetValue(baskets.Ids, out var labels) ? labels : throw new InvalidOperationException("these baskets were not encoded from labels");
}

internal sealed record LabelledResult(int BasketCount, int MinCount, MiningFallback? Fallback, IReadOnlyList<LabelledAnchor> Anchors);

internal sealed record LabelledAnchor(string Anchor, int AnchorCount, IReadOnlyList<LabelledCandidate> Candidates, IReadOnlyList<LabelledBundle> Bundles);

internal sealed record LabelledCandidate(string Item, RuleStatistics Statistics, double Score);

internal sealed record LabelledBundle(IReadOnlyList<string> Items, int Count, double Support, double Score);
