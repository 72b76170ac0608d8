using System.Globalization;

namespace MerchDashboard.Engine.Composition;

/// <summary>
/// Step 2 of the cart composition: rules A -> x read off the mined itemsets of the cart items, where A is
/// the itemset's cart members (two or more) and x one of its other products. An itemset is stored under
/// each of its members, so the same rule may be found several times; each product keeps its best itemset.
/// </summary>
internal static class CartItemsets
{
    /// <summary>
    /// Each candidate product with its best itemset, in no particular order; <paramref name="items"/> are the cart's items
    /// in cart order. Independent of the shopper, so a cart gathers them once for both its arrangements (<see cref="Ranked"/>).
    /// </summary>
    public static ItemsetCandidate[] Gathered(IReadOnlyList<CartItem> items, CartStore store)
    {
        if (items.Count < 2)
        {
            // A rule needs two or more cart members in its antecedent.
            return [];
        }
        Dictionary<int, ItemsetCandidate>? best = null;
        foreach (var item in items)
        {
            foreach (var itemset in store.ItemsetsFor(item.Product.Id))
            {
                // Most itemsets name no other cart item: they are passed over before anything is allocated.
                if (CartMembers(itemset, item.Product.Id, items) < 2)
                {
                    continue;
                }
                CartItem[]? antecedent = null;
                foreach (var id in itemset.OtherProductIds)
                {
                    if (IndexInCart(id, items) >= 0 || !store.Catalog.Products.TryGetValue(id, out var product))
                    {
                        continue;
                    }
                    best ??= [];
                    if (best.TryGetValue(id, out var held) && !Stronger(itemset, held.Itemset))
                    {
                        continue;
                    }
                    antecedent ??= Antecedent(itemset, item.Product.Id, items);
                    best[id] = new ItemsetCandidate(product, antecedent, itemset);
                }
            }
        }
        return best is null ? [] : [.. best.Values];
    }

    /// <summary>The <see cref="Gathered"/> candidates strongest first for the shopper (or anonymous, when null).</summary>
    public static ItemsetCandidate[] Ranked(ItemsetCandidate[] gathered, IShopperAffinity? shopper)
    {
        if (gathered.Length == 0)
        {
            return gathered;
        }
        var ranked = new (double Strength, ItemsetCandidate Candidate)[gathered.Length];
        var highest = 0.0;
        foreach (var candidate in gathered)
        {
            highest = Math.Max(highest, candidate.Itemset.Score);
        }
        var n = 0;
        foreach (var candidate in gathered)
        {
            ranked[n++] = (Strength(candidate, highest, shopper), candidate);
        }
        // Product ids are distinct, so this is a total order.
        ranked.AsSpan().Sort(static (a, b) =>
        {
            var order = b.Strength.CompareTo(a.Strength);
            if (order == 0)
            {
                order = b.Candidate.Itemset.Count.CompareTo(a.Candidate.Itemset.Count);
            }
            return order != 0 ? order : a.Candidate.Product.Id.CompareTo(b.Candidate.Product.Id);
        });
        var candidates = new ItemsetCandidate[ranked.Length];
        for (var i = 0; i < ranked.Length; i++)
        {
            candidates[i] = ranked[i].Candidate;
        }
        return candidates;
    }

    /// <summary>How many cart items the itemset stored under <paramref name="anchorId"/> (a cart item) holds, the anchor included.</summary>
    private static int CartMembers(MinedItemset itemset, int anchorId, IReadOnlyList<CartItem> items)
    {
        var count = 0;
        foreach (var item in items)
        {
            if (item.Product.Id == anchorId || Names(itemset, item.Product.Id))
            {
                count++;
            }
        }
        return count;
    }

    /// <summary>The itemset's cart members in cart order.</summary>
    private static CartItem[] Antecedent(MinedItemset itemset, int anchorId, IReadOnlyList<CartItem> items)
    {
        var antecedent = new CartItem[CartMembers(itemset, anchorId, items)];
        var n = 0;
        foreach (var item in items)
        {
            if (item.Product.Id == anchorId || Names(itemset, item.Product.Id))
            {
                antecedent[n++] = item;
            }
        }
        return antecedent;
    }

    private static bool Names(MinedItemset itemset, int productId)
    {
        foreach (var id in itemset.OtherProductIds)
        {
            if (id == productId)
            {
                return true;
            }
        }
        return false;
    }

    private static int IndexInCart(int productId, IReadOnlyList<CartItem> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Product.Id == productId)
            {
                return i;
            }
        }
        return -1;
    }

    private static bool Stronger(MinedItemset a, MinedItemset b) => a.Score > b.Score || (a.Score == b.Score && a.Count > b.Count);

    private static double Strength(ItemsetCandidate candidate, double highest, IShopperAffinity? shopper)
    {
        var complement = highest > 0 ? Math.Clamp(candidate.Itemset.Score / highest, 0, 1) : 0;
        return shopper is null ? complement : CandidateRanking.Blend(complement, shopper.AffinityFor(candidate.Product));
    }

    internal sealed record ItemsetCandidate(Catalog.ProductInfo Product, CartItem[] Antecedent, MinedItemset Itemset)
    {
        /// <summary>The slot's reason, written when the product is placed.</summary>
        public string Reason() => string.Create(CultureInfo.InvariantCulture,
            $"Bought together with {CartComposer.Names(Antecedent)} in {Itemset.Count} {(Itemset.Count == 1 ? "order" : "orders")}");
    }
}
