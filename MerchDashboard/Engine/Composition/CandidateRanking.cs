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
    public const int MaxCandidates = 1 << IndexBits;

    public static double MinedComplement(double score, double highestScore) =>
        highestScore > 0 ? Math.Clamp(score / highestScore, 0, 1) : 0;

    public static double RuleComplement(int rank) => RuleStrength / (1 + rank);

    /// <summary>Indices of the rankable candidates (everything but pins), strongest complement first.</summary>
    public static int[] Anonymous(CandidatePool pool) => Sorted(pool, shopper: null);

    /// <summary>Indices of the rankable candidates, highest blend of complement and the shopper's affinity first.</summary>
    public static int[] Personalized(CandidatePool pool, IShopperAffinity shopper) => Sorted(pool, shopper);

    public static double Blend(double complement, double affinity)
    {
        affinity = double.IsNaN(affinity) ? 0 : Math.Clamp(affinity, 0, 1);
        return ((1 - PersonalizationWeight) * complement) + (PersonalizationWeight * affinity);
    }

    private static int[] Sorted(CandidatePool pool, IShopperAffinity? shopper)
    {
        var count = pool.GatheredCount - pool.PinCount;
        Span<ulong> keys = count <= 256 ? stackalloc ulong[count] : new ulong[count];
        for (var i = 0; i < count; i++)
        {
            ref var candidate = ref pool[pool.PinCount + i];
            var score = shopper is null ? candidate.Complement : Blend(candidate.Complement, shopper.AffinityFor(candidate.Product));
            keys[i] = SortKey(score, i);
        }
        keys.Sort();
        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = pool.PinCount + (int)(keys[i] & IndexMask);
        }
        return order;
    }

    private const int IndexBits = 16;
    private const ulong IndexMask = (1UL << IndexBits) - 1;

    /// <summary>
    /// Highest score first, then the lowest index, as one integer: sorting primitives is several times faster
    /// than sorting through a comparer. The bits of a double in [0, 1] grow with its value; dropping the
    /// lowest 16 mantissa bits treats scores within a few parts in 10^12 as tied (broken by gathering order).
    /// </summary>
    private static ulong SortKey(double score, int index)
    {
        const ulong One = 0x3FF0_0000_0000_0000 >> IndexBits;
        var clamped = score > 0 ? Math.Min(score, 1) : 0;
        var scoreBits = (ulong)BitConverter.DoubleToInt64Bits(clamped) >> IndexBits;
        return ((One - scoreBits) << IndexBits) | (uint)index;
    }
}
