namespace MerchDashboard.Engine.Mining;

/// <summary>
/// Turns frequent itemsets of two or more items into rules with one consequent, keeps those that pass
/// the confidence and lift thresholds, and orders them by antecedent (item by item, ordinal, a proper
/// prefix first), then consequent. The antecedent of a frequent itemset is frequent too, so its count
/// is always found.
/// </summary>
public static class RuleGenerator
{
    public static AssociationRule[] Generate(FrequentItemsets itemsets, MiningSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(itemsets);
        ArgumentNullException.ThrowIfNull(settings);
        var rules = new List<AssociationRule>();
        Span<int> antecedent = new int[Math.Max(1, itemsets.MaxLength)];
        for (var set = 0; set < itemsets.Count; set++)
        {
            if ((set & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            var items = itemsets.Items(set);
            if (items.Length < 2)
            {
                continue;
            }
            for (var position = 0; position < items.Length; position++)
            {
                var rule = new AssociationRule(set, position, default);
                var length = rule.Antecedent(itemsets, antecedent);
                var antecedentCount = length == 1
                    ? itemsets.Baskets.ItemSupportCount(antecedent[0])
                    : itemsets.SupportCount(itemsets.IndexOf(antecedent[..length]));
                var statistics = RuleStatistics.From(itemsets.SupportCount(set), antecedentCount,
                    itemsets.Baskets.ItemSupportCount(items[position]), itemsets.BasketCount);
                if (settings.Keeps(statistics))
                {
                    rules.Add(rule with { Statistics = statistics });
                }
            }
        }
        var array = rules.ToArray();
        Array.Sort(array, new RuleOrder(itemsets));
        return array;
    }

    private sealed class RuleOrder(FrequentItemsets itemsets) : IComparer<AssociationRule>
    {
        private readonly int[] _left = new int[Math.Max(1, itemsets.MaxLength)];
        private readonly int[] _right = new int[Math.Max(1, itemsets.MaxLength)];

        public int Compare(AssociationRule x, AssociationRule y)
        {
            var order = _left.AsSpan(0, x.Antecedent(itemsets, _left)).SequenceCompareTo(_right.AsSpan(0, y.Antecedent(itemsets, _right)));
            return order != 0 ? order : x.Consequent(itemsets).CompareTo(y.Consequent(itemsets));
        }
    }
}
