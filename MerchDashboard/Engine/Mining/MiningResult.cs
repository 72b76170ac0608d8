namespace MerchDashboard.Engine.Mining;

/// <summary>
/// A mining snapshot: for each anchor item with at least one candidate or bundle, its ranked
/// frequently-bought-with list and its best bundles, with the settings used and N. Plain immutable data
/// for the app to persist and serve. <see cref="Fallback"/> says what was given up to stay within the
/// memory budget (null: nothing).
/// </summary>
public sealed record MiningResult(
    MiningSettings Settings,
    int BasketCount,
    int MinCount,
    IReadOnlyList<AnchorSuggestions> Anchors,
    MiningFallback? Fallback = null);

/// <summary>One anchor's candidates (best first, at most K) and bundles (best first, at most K); items are the caller's ids.</summary>
public sealed record AnchorSuggestions(
    int Anchor,
    int AnchorCount,
    IReadOnlyList<Candidate> Candidates,
    IReadOnlyList<Bundle> Bundles);

/// <summary>A candidate for the anchor's list: the rule anchor -> <see cref="Item"/> and its <see cref="RankingScore"/>.</summary>
public sealed record Candidate(int Item, RuleStatistics Statistics, double Score);

/// <summary>An itemset bought together: the anchor plus two or three items, with the <see cref="BundleFinder"/> score.</summary>
public sealed record Bundle(IReadOnlyList<int> Items, int Count, double Support, double Score);
