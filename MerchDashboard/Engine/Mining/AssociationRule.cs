namespace MerchDashboard.Engine.Mining;

/// <summary>
/// A rule "the other items of a frequent itemset -> one of its items", as arules' apriori rules with a
/// single consequent: <see cref="Itemset"/> indexes <see cref="FrequentItemsets"/>, and
/// <see cref="ConsequentPosition"/> is the consequent's position in it.
/// </summary>
public readonly record struct AssociationRule(int Itemset, int ConsequentPosition, RuleStatistics Statistics)
{
    public int Consequent(FrequentItemsets itemsets) => itemsets.Items(Itemset)[ConsequentPosition];

    /// <summary>Writes the antecedent's ascending item ids into <paramref name="destination"/> and returns its length.</summary>
    public int Antecedent(FrequentItemsets itemsets, Span<int> destination)
    {
        var items = itemsets.Items(Itemset);
        items[..ConsequentPosition].CopyTo(destination);
        items[(ConsequentPosition + 1)..].CopyTo(destination[ConsequentPosition..]);
        return items.Length - 1;
    }
}
