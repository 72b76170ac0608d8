using MerchDashboard.Engine.Mining;
using MerchDashboard.Engine.Personalization;

namespace MerchDashboard.Features.Preview;

/// <summary>
/// The frequently-bought-with lists the offline evaluation scores, mined from the training part of a
/// <see cref="HoldoutSplit"/> only (mining the served lists would leak the held-out orders). A basket is an
/// order: the lines sharing (customer, time). The engine takes the product ids as they are and breaks ties in
/// id order.
/// </summary>
public static class TrainingListMiner
{
    /// <summary>Mined candidates by anchor product id, best first.</summary>
    public static IReadOnlyDictionary<int, int[]> Mine(
        IReadOnlyList<Purchase> training, MiningSettings settings, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(settings);
        return Lists(MineAll(training, settings, progress, cancellationToken));
    }

    /// <summary>The whole mining result of the training part (candidates with their statistics, and bundles), by product id.</summary>
    public static MiningResult MineAll(
        IReadOnlyList<Purchase> training, MiningSettings settings, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(settings);
        return AssociationMiner.Run(Baskets(training), settings, progress, cancellationToken);
    }

    /// <summary>Mined candidates by anchor product id, best first.</summary>
    public static IReadOnlyDictionary<int, int[]> Lists(MiningResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Anchors.ToDictionary(a => a.Anchor, a => a.Candidates.Select(c => c.Item).ToArray());
    }

    /// <summary>
    /// Given a previous order, the candidates of its items merged: each candidate at its best rank in any
    /// item's list, ties by product id; items of the previous order itself are kept (consumables are rebought).
    /// </summary>
    public static BasketRecommender Recommender(IReadOnlyDictionary<int, int[]> listsByAnchor)
    {
        ArgumentNullException.ThrowIfNull(listsByAnchor);
        return previousOrderItems =>
        {
            var bestRank = new Dictionary<int, int>();
            foreach (var item in previousOrderItems)
            {
                if (!listsByAnchor.TryGetValue(item, out var list))
                {
                    continue;
                }
                for (var rank = 0; rank < list.Length; rank++)
                {
                    bestRank[list[rank]] = Math.Min(rank, bestRank.GetValueOrDefault(list[rank], int.MaxValue));
                }
            }
            return [.. bestRank.OrderBy(kv => kv.Value).ThenBy(kv => kv.Key).Select(kv => kv.Key)];
        };
    }

    internal static TransactionSet Baskets(IReadOnlyList<Purchase> lines)
    {
        var sorted = lines.ToArray();
        Array.Sort(sorted, (x, y) => x.CustomerKey != y.CustomerKey ? x.CustomerKey.CompareTo(y.CustomerKey) : x.At.CompareTo(y.At));
        var encoder = new BasketEncoder();
        for (var i = 0; i < sorted.Length; i++)
        {
            encoder.AddItem(sorted[i].ProductId);
            var last = i + 1 == sorted.Length || sorted[i + 1].CustomerKey != sorted[i].CustomerKey || sorted[i + 1].At != sorted[i].At;
            if (last)
            {
                encoder.EndBasket();
            }
        }
        return encoder.Build();
    }
}
