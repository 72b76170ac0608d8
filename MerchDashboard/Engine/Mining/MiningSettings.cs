namespace MerchDashboard.Engine.Mining;

/// <summary>
/// The parameters of a mining run. An itemset is frequent when its count is at least
/// <see cref="MinCountFor"/>: the larger of <see cref="MinCount"/> and ceil(<see cref="MinSupport"/> x N),
/// and at least 1. With neither threshold, every itemset seen once is frequent. A rule is kept when its
/// confidence is at least <see cref="MinConfidence"/> and its lift at least <see cref="MinLift"/>.
/// </summary>
public sealed record MiningSettings
{
    public const int MinItemsetLength = 2;
    /// <summary>The largest explicit maximum length, arules' default <c>maxlen</c>.</summary>
    public const int MaxItemsetLength = 10;

    /// <summary>
    /// Bundles (itemsets of 3 or more) are mined from baskets of at most this many distinct items. A basket of n
    /// items holds n(n-1)(n-2)/6 triples, so a few wholesale-sized orders would dominate both the time and the
    /// memory of the search while saying little about what shoppers buy together. Pairs use every basket.
    /// </summary>
    public int MaxBundleBasketItems { get; init; } = DefaultMaxBundleBasketItems;

    public const int DefaultMaxBundleBasketItems = 50;

    /// <summary>A <see cref="MaxLength"/> of 0 sets no limit: itemsets as long as the longest basket.</summary>
    public const int NoLengthLimit = 0;
    public const int MaxListSize = 20;

    /// <summary>Floating-point slack of the threshold comparisons, relative to the compared magnitude.</summary>
    internal const double Tolerance = 1e-9;

    public double? MinSupport { get; init; }
    public int? MinCount { get; init; }
    public double MinConfidence { get; init; }
    public double MinLift { get; init; }

    /// <summary>The longest itemset mined: 2 mines pairs only, up to <see cref="MaxItemsetLength"/>, or <see cref="NoLengthLimit"/>.</summary>
    public int MaxLength { get; init; } = 2;

    /// <summary>K: the length of each anchor's ranked candidate list, and of its bundle list.</summary>
    public int ListSize { get; init; } = 10;

    /// <summary>m, the pseudo-count of <see cref="RankingScore"/>'s prior.</summary>
    public double ScorePriorCount { get; init; } = RankingScore.DefaultPriorCount;

    /// <summary>Why these settings cannot be used; empty when they can.</summary>
    public IReadOnlyList<string> Validate()
    {
        var reasons = new List<string>();
        if (MinSupport is { } support && !(support > 0 && support <= 1))
        {
            reasons.Add($"minimum support must be in (0, 1], not {support}");
        }
        if (MinCount is < 0)
        {
            reasons.Add($"minimum count must not be negative, not {MinCount}");
        }
        if (!(MinConfidence >= 0 && MinConfidence <= 1))
        {
            reasons.Add($"minimum confidence must be in [0, 1], not {MinConfidence}");
        }
        if (!(MinLift >= 0 && double.IsFinite(MinLift)))
        {
            reasons.Add($"minimum lift must be a finite number of at least 0, not {MinLift}");
        }
        if (MaxBundleBasketItems < BundleFinder.MinBundleSize)
        {
            reasons.Add($"the longest basket mined for bundles must hold at least {BundleFinder.MinBundleSize} items, not {MaxBundleBasketItems}");
        }
        if (MaxLength is not NoLengthLimit and (< MinItemsetLength or > MaxItemsetLength))
        {
            reasons.Add($"maximum length must be between {MinItemsetLength} and {MaxItemsetLength}, or {NoLengthLimit} for no limit, not {MaxLength}");
        }
        if (ListSize is < 1 or > MaxListSize)
        {
            reasons.Add($"list size must be between 1 and {MaxListSize}, not {ListSize}");
        }
        if (!(ScorePriorCount >= 0 && double.IsFinite(ScorePriorCount)))
        {
            reasons.Add($"score prior count must be a finite number of at least 0, not {ScorePriorCount}");
        }
        return reasons;
    }

    /// <summary>Whether itemsets of <paramref name="length"/> items are mined at these settings.</summary>
    public bool Mines(int length) => MaxLength == NoLengthLimit || length <= MaxLength;

    /// <summary>
    /// The smallest frequent count for N baskets. ceil(s x N) is taken with a small relative slack so that
    /// a product that is an integer in exact arithmetic (0.3 x 10 computes as 3.0000000000000004) is not
    /// rounded up to the next integer.
    /// </summary>
    public int MinCountFor(int basketCount)
    {
        var bySupport = 0.0;
        if (MinSupport is { } support)
        {
            var exact = support * basketCount;
            bySupport = Math.Ceiling(exact - Tolerance * Math.Max(1, exact));
        }
        return (int)Math.Max(1, Math.Max(MinCount ?? 0, bySupport));
    }

    /// <summary>Whether a rule passes the confidence and lift thresholds, with the same relative slack.</summary>
    public bool Keeps(in RuleStatistics rule) =>
        rule.Count >= MinConfidence * rule.AntecedentCount * (1 - Tolerance)
        && rule.Lift >= MinLift * (1 - Tolerance);
}
