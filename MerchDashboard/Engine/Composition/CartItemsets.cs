namespace MerchDashboard.Engine.Composition;

/// <summary>
/// Step 2 of the cart composition: rules A -> x read off the mined itemsets of the cart items, where A is
/// the itemset's cart members (two or more) and x one of its other products. An itemset is stored under
/// each of its members, so the same rule may be found several times; each product keeps its best itemset.
/// </summary>
internal static class CartItemsets
{
    public static IEnumerable<ItemsetCandidate> Ranked(IReadOnlyList<CartItem> items, CartStore store, IShopperAffinity? shopper)
    {
        if (items.Count < 2)
        {
            // A rule needs two or more cart members in its antecedent.
            return [];
        }
        var byId = items.ToDictionary(i => i.Product.Id);
        var best = new Dictionary<int, ItemsetCandidate>();
        foreach (var item in items)
        {
            foreach (var itemset in store.ItemsetsFor(item.Product.Id))
            {
                if (!HoldsAnotherCartItem(itemset, item.Product.Id, byId))
                {
                    continue;
                }
                var members = itemset.OtherProductIds.Append(item.Product.Id).Distinct().ToList();
                var antecedent = members.Where(byId.ContainsKey).Select(id => byId[id]).OrderBy(i => i.CartIndex).ToList();
                if (antecedent.Count < 2)
                {
                    continue;
                }
                foreach (var id in members.Where(id => !byId.ContainsKey(id)))
                {
                    if (store.Catalog.Products.TryGetValue(id, out var product)
                        && (!best.TryGetValue(id, out var held) || Stronger(itemset, held.Itemset)))
                    {
                        best[id] = new ItemsetCandidate(product, antecedent, itemset);
                    }
                }
            }
        }
        var highest = best.Values.Select(c => c.Itemset.Score).DefaultIfEmpty(0).Max();
        return best.Values
            .OrderByDescending(c => Strength(c, highest, shopper))
            .ThenByDescending(c => c.Itemset.Count)
            .ThenBy(c => c.Product.Id);
    }

    /// <summary>Whether the itemset stored under <paramref name="anchorId"/> names another cart item, without allocating (most do not).</summary>
    private static bool HoldsAnotherCartItem(MinedItemset itemset, int anchorId, Dictionary<int, CartItem> byId)
    {
        foreach (var id in itemset.OtherProductIds)
        {
            if (id != anchorId && byId.ContainsKey(id))
            {
                return true;
            }
        }
        return false;
    }

    private static bool Stronger(MinedItemset a, MinedItemset b) => a.Score > b.Score || (a.Score == b.Score && a.Count > b.Count);

    private static double Strength(ItemsetCandidate candidate, double highest, IShopperAffinity? shopper)
    {
        var complement = highest > 0 ? Math.Clamp(candidate.Itemset.Score / highest, 0, 1) : 0;
        return shopper is null ? complement : CandidateRanking.Blend(complement, shopper.AffinityFor(candidate.Product));
    }

    internal sealed record ItemsetCandidate(Catalog.ProductInfo Product, IReadOnlyList<CartItem> Antecedent, MinedItemset Itemset);
}
