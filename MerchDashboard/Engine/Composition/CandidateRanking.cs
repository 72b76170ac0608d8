namespace MerchDashboard.Engine.Composition;

/// <summary>
/// Step 5's score. Complement strength c, in [0, 1]:
/// <list type="bullet">
/// <item>manual add: c = 1 (a merchandiser's choice outranks the data);</item>
/// <item>mined: c = score / (highest score among the mined candidates that survived step 2);</item>
/// <item>rule: c = 0.5 / (1 + r), r = 0 for the rule's best-selling eligible item, 1 for the next.</item>
/// </list>
/// Without a shopper free slots take candidates by c. With one, by
/// final = (1 - w) c + w a, with w = 0.35 and a the shopper's affinity for the product clamped to [0, 1].
/// Ties keep the gathering order: manual adds by their order, then mined, then rule items.
/// </summary>
internal static class CandidateRanking
{
    public const double ManualStrength = 1.0;
    public const double RuleStrength = 0.5;
    public const double PersonalizationWeight = 0.35;

    public static double MinedComplement(double score, double highestScore) =>
        highestScore > 0 ? Math.Clamp(score / highestScore, 0, 1) : 0;

    public static double RuleComplement(int rank) => RuleStrength / (1 + rank);

    /// <summary>Indices of the rankable candidates (everything but pins), strongest complement first.</summary>
    public static int[] Anonymous(CandidatePool pool) => Sorted(pool, byBlend: false);

    public static int[] Personalized(CandidatePool pool, IShopperAffinity shopper)
    {
        for (var i = pool.PinCount; i < pool.Count; i++)
        {
            ref var candidate = ref pool[i];
            var affinity = shopper.AffinityFor(candidate.Product);
            affinity = double.IsNaN(affinity) ? 0 : Math.Clamp(affinity, 0, 1);
            candidate.Blended = ((1 - PersonalizationWeight) * candidate.Complement) + (PersonalizationWeight * affinity);
        }
        return Sorted(pool, byBlend: true);
    }

    private static int[] Sorted(CandidatePool pool, bool byBlend)
    {
        var order = new int[pool.Count - pool.PinCount];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = pool.PinCount + i;
        }
        order.AsSpan().Sort(new StrongestFirst(pool.Items, byBlend));
        return order;
    }

    private readonly struct StrongestFirst(Candidate[] items, bool byBlend) : IComparer<int>
    {
        public int Compare(int x, int y)
        {
            var byScore = byBlend
                ? items[y].Blended.CompareTo(items[x].Blended)
                : items[y].Complement.CompareTo(items[x].Complement);
            return byScore != 0 ? byScore : x.CompareTo(y);
        }
    }
}
