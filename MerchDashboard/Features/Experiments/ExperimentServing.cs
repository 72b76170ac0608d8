using MerchDashboard.Engine.Composition;
using MerchDashboard.Engine.Metrics;
using MerchDashboard.Features.Serving;
using MerchDashboard.Features.Storefront;

namespace MerchDashboard.Features.Experiments;

/// <summary>
/// The storefront endpoints' one call into experiments: while one runs, a shopper with an id is served their arm's
/// strategy and the answer names the experiment and arm; otherwise the default answer, with no arm. The default
/// and cross-sell lists come from <see cref="ServedListCache"/>; control and personalization are composed per request.
/// </summary>
public sealed class ExperimentServing(ExperimentAssignment assignment, ServedListCache lists, ShopperProfileStore profiles)
{
    /// <summary>
    /// The product's list for the shopper, or null for an unknown SKU. Without a running experiment (or a shopper id)
    /// this is the served-list cache's answer unchanged, precomputed JSON included.
    /// </summary>
    public ServedList? FrequentlyBoughtWith(string sku, string? customerId, string? visitorId, int? limit)
    {
        if (assignment.Assign(customerId, visitorId) is not { } assigned)
        {
            return lists.FrequentlyBoughtWith(sku, customerId, limit);
        }
        var served = assigned.Arm switch
        {
            Arm.Both => lists.FrequentlyBoughtWith(sku, customerId, limit)?.Dto,
            Arm.CrossSell => lists.FrequentlyBoughtWith(sku, null, limit) is { } anonymous ? anonymous.Dto with { CustomerId = NullIfEmpty(customerId) } : null,
            _ => Compose(assigned.Arm, sku, NullIfEmpty(customerId), limit),
        };
        return served is null ? null : new ServedList(served with { Experiment = assigned.ExperimentName, Arm = assigned.ArmName }, utf8Json: null);
    }

    /// <summary>The cart's list for the shopper with the assignment it was composed for (null: the default strategy).</summary>
    public (CartComposition List, ArmAssignment? Assignment) Cart(StoreSnapshot snapshot, IReadOnlyList<int> cart, IShopperAffinity? shopper,
        DateTime asOf, int slots, string? customerId, string? visitorId)
    {
        var assigned = assignment.Assign(customerId, visitorId);
        var list = assigned is null
            ? lists.Cart(snapshot, asOf, cart, shopper, slots)
            : ArmStrategy.ComposeCart(assigned.Arm, snapshot, cart, shopper, asOf, slots);
        return (list, assigned);
    }

    private FrequentlyBoughtWithDto? Compose(Arm arm, string sku, string? customer, int? limit)
    {
        var (snapshot, asOf) = lists.Current();
        if (snapshot.ProductBySku(sku) is not { } anchor)
        {
            return null;
        }
        var shopper = customer is null ? null : profiles.Find(snapshot, customer, asOf);
        var list = ArmStrategy.Compose(arm, snapshot, anchor.Id, shopper, asOf, limit ?? RecommendationService.DefaultSlotsOf(snapshot));
        return ServedListCache.ToDto(anchor.Sku, list, customer, SourceNames(arm));
    }

    /// <summary>How an arm's slots name their source (<see cref="ArmStrategy.SourceName"/>), for lists and carts alike.</summary>
    public static Func<SlotSource, string> SourceNames(Arm arm) => source => ArmStrategy.SourceName(arm, source);

    private static string? NullIfEmpty(string? id) => string.IsNullOrEmpty(id) ? null : id;
}
