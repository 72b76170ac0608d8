namespace MerchDashboard.Engine.Mining;

/// <summary>
/// Turns frequent itemsets of two or more items into rules with one consequent, keeps those that pass
/// the confidence and lift thresholds, and orders them by antecedent (item by item in id order, a proper
/// prefix first), then consequent. The antecedent of a frequent itemset is frequent too, so its count is
/// always found, and its index in <see cref="FrequentItemsets"/> (which is in that same order) is the sort key.
/// </summary>
public static class RuleGenerator
{
    /// <summary>A rule's bytes: the rule (64) and its sort key (8), three times (list growth slack and the sorted arrays).</summary>
    private const long BytesPerRule = 3 * (64 + 8);

    /// <summary>The most bytes <see cref="Generate"/> can hold for these itemsets: one rule per item of each itemset of 2 or more.</summary>
    public static long EstimateBytes(FrequentItemsets itemsets)
    {
        ArgumentNullException.ThrowIfNull(itemsets);
        long rules = 0;
        for (var set = 0; set < itemsets.Count; set++)
        {
            var size = itemsets.Size(set);
            rules += size > 1 ? size : 0;
        }
        return rules * BytesPerRule;
    }

    public static AssociationRule[] Generate(FrequentItemsets itemsets, MiningSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(itemsets);
        ArgumentNullException.ThrowIfNull(settings);
        var singletonIndex = new int[itemsets.Baskets.ItemCount];
        for (var set = 0; set < itemsets.Count; set++)
        {
            if (itemsets.Size(set) == 1)
            {
                singletonIndex[itemsets.Items(set)[0]] = set;
            }
        }
        var rules = new List<AssociationRule>();
        var keys = new List<long>();
        Span<int> antecedent = new int[Math.Max(1, itemsets.MaxLength)];
        for (var set = 0; set < itemsets.Count; set++)
        {
            if ((set & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            var items = itemsets.Items(set);
            for (var position = 0; items.Length > 1 && position < items.Length; position++)
            {
                var rule = new AssociationRule(set, position, default);
                var length = rule.Antecedent(itemsets, antecedent);
                var antecedentIndex = length == 1 ? singletonIndex[antecedent[0]] : itemsets.IndexOf(antecedent[..length]);
                var statistics = RuleStatistics.From(itemsets.SupportCount(set), itemsets.SupportCount(antecedentIndex),
                    itemsets.Baskets.ItemSupportCount(items[position]), itemsets.BasketCount);
                if (settings.Keeps(statistics))
                {
                    rules.Add(rule with { Statistics = statistics });
                    keys.Add(((long)antecedentIndex << 32) | (uint)items[position]);
                }
            }
        }
        var (keyArray, ruleArray) = (keys.ToArray(), rules.ToArray());
        Array.Sort(keyArray, ruleArray);
        return ruleArray;
    }
}
