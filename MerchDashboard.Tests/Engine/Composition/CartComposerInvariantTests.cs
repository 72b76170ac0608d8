using MerchDashboard.Engine.Catalog;
using MerchDashboard.Engine.Composition;
using MerchDashboard.Tests.TestSupport;

namespace MerchDashboard.Tests.Engine.Composition;

public class CartComposerInvariantTests
{
    private const int Cases = 1_500;

    public static TheoryData<int> Seeds => [7, 31];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Compose_GeneratedCarts_KeepsTheCartInvariants(int seed)
    {
        var random = new Random(seed);
        var lockedSeen = 0;
        var handAddedSubstitutesSeen = 0;
        var (movedSeen, unmovedCartsSeen) = (0, 0);
        for (var i = 0; i < Cases; i++)
        {
            var generated = GeneratedCartCase.Next(random);
            var anonymous = generated.Compose(shopper: null);
            var personal = generated.Shoppers.Select(generated.Compose).ToList();

            foreach (var (list, shopper) in personal.Zip(generated.Shoppers.Select(s => (IShopperAffinity?)s)).Prepend((anonymous, null)))
            {
                ShouldHoldForEveryCart(generated, list, shopper, $"case {i}, {shopper?.ShopperLabel ?? "anonymous"}");
                lockedSeen += list.Slots.Count(s => s.Locked);
                handAddedSubstitutesSeen += list.Slots.Count(s => generated.Request.CartProductIds.Any(c => generated.Catalog.Products[c].CategoryId == s.Product.CategoryId));
            }
            anonymous.Slots.ShouldAllHold(s => !s.PersonalizationMoved, $"case {i}");
            foreach (var list in personal)
            {
                LockedPrefix(list).ShouldBe(LockedPrefix(anonymous), $"case {i}: the locked slots differ between shoppers");
                // Personalized: a free slot whose position differs from the anonymous cart's (composed on its own here).
                foreach (var slot in list.Slots)
                {
                    var anonymousPosition = anonymous.Slots.FirstOrDefault(s => s.Product.Id == slot.Product.Id)?.Position;
                    slot.PersonalizationMoved.ShouldBe(slot.Basis != CartSlotBasis.Locked && anonymousPosition != slot.Position,
                        $"case {i}, {list.ShopperLabel}, slot {slot.Position}: anonymous position {anonymousPosition}");
                }
                movedSeen += list.Slots.Count(s => s.PersonalizationMoved);
                unmovedCartsSeen += list.Slots.Count > 0 && list.Slots.Select(s => s.Product.Id).SequenceEqual(anonymous.Slots.Select(s => s.Product.Id)) ? 1 : 0;
            }
        }
        movedSeen.ShouldBeGreaterThan(Cases, "shoppers should move many slots");
        unmovedCartsSeen.ShouldBeGreaterThan(Cases / 10, "some shoppers' carts should be the anonymous one");
        lockedSeen.ShouldBeGreaterThan(Cases, "the generator should produce many locked slots");
        handAddedSubstitutesSeen.ShouldBeGreaterThan(10, "the generator should produce hand-added substitutes");
    }

    private static List<int> LockedPrefix(CartComposition list) => [.. list.Slots.TakeWhile(s => s.Locked).Select(s => s.Product.Id)];

    private static void ShouldHoldForEveryCart(GeneratedCartCase generated, CartComposition list, IShopperAffinity? shopper, string context)
    {
        var request = generated.Request;
        var cart = request.CartProductIds.Distinct().ToList();
        var ids = list.Slots.Select(s => s.Product.Id).ToList();

        ids.Count.ShouldBeLessThanOrEqualTo(request.Slots, context);
        ids.Distinct().Count().ShouldBe(ids.Count, context);
        ids.ShouldAllHold(id => !cart.Contains(id), context);
        list.Slots.Select(s => s.Position).ShouldBe(Enumerable.Range(1, ids.Count), context);
        list.Slots.SkipWhile(s => s.Locked).ShouldAllHold(s => !s.Locked, $"{context}: locked slots come first");
        foreach (var slot in list.Slots)
        {
            var where = $"{context}, slot {slot.Position} (product {slot.Product.Id})";
            slot.Product.IsAvailable.ShouldBeTrue(where);
            slot.Complements.ShouldNotBeEmpty(where);
            slot.Complements.ShouldAllHold(c => cart.Contains(c), where);
            slot.Complements.Distinct().Count().ShouldBe(slot.Complements.Count, where);
            slot.Complements.ShouldAllHold(c => !Has<Exclude>(generated, c, slot.Product.Id), $"{where}: excluded on a list it comes from");
            cart.Where(c => generated.Catalog.Products[c].CategoryId == slot.Product.CategoryId)
                .ShouldAllHold(c => Has<Pin>(generated, c, slot.Product.Id) || Has<Add>(generated, c, slot.Product.Id), $"{where}: a substitute nobody added");
            slot.Complements.ShouldAllHold(c => OnList(generated, c, shopper, slot.Product.Id) || InItemsetWith(generated, cart, c, slot.Product.Id),
                $"{where}: a complement whose list does not hold it and that is in no itemset with it");
            if (slot.Basis == CartSlotBasis.BoughtTogether)
            {
                slot.Complements.Count.ShouldBeGreaterThanOrEqualTo(2, where);
            }
            else
            {
                slot.Complements.ShouldHoldForSome(c => OnList(generated, c, shopper, slot.Product.Id), $"{where}: on none of its cart items' lists");
            }
        }

        var expectedLocked = cart
            .SelectMany(c => ItemList(generated, c, shopper).Slots.Take(generated.Curation[c].LockedSlots(request.Slots))
                .Select(s => s.Product).Where(p => Allowed(generated, cart, c, p)))
            .Select(p => p.Id).Distinct().ToList();
        LockedPrefix(list).ShouldBe(expectedLocked.Take(request.Slots).ToList(), $"{context}: the locked complements of every cart item, in cart order");
    }

    /// <summary>Independent of the cart composer: what PRODUCT.md removes from a candidate of cart item <paramref name="from"/>.</summary>
    private static bool Allowed(GeneratedCartCase generated, List<int> cart, int from, ProductInfo product) =>
        !cart.Contains(product.Id) && product.IsAvailable && !Has<Exclude>(generated, from, product.Id)
        && cart.Where(c => generated.Catalog.Products[c].CategoryId == product.CategoryId)
            .All(c => Has<Pin>(generated, c, product.Id) || Has<Add>(generated, c, product.Id));

    private static bool Has<T>(GeneratedCartCase generated, int cartItem, int productId) where T : Override =>
        generated.Curation[cartItem].Overrides.OfType<T>().Any(o => o.ProductId == productId && (o.ExpiresAt is null || o.ExpiresAt > generated.Request.AsOf));

    private static bool OnList(GeneratedCartCase generated, int cartItem, IShopperAffinity? shopper, int productId) =>
        ItemList(generated, cartItem, shopper).Slots.Any(s => s.Product.Id == productId);

    /// <summary>A mined itemset of a cart item holds both products and two or more cart items.</summary>
    private static bool InItemsetWith(GeneratedCartCase generated, List<int> cart, int cartItem, int productId) =>
        cart.Any(anchor => generated.Itemsets[anchor].Any(set =>
        {
            var members = set.OtherProductIds.Append(anchor).ToHashSet();
            return members.Contains(cartItem) && members.Contains(productId) && members.Count(cart.Contains) >= 2;
        }));

    private static ComposedList ItemList(GeneratedCartCase generated, int cartItem, IShopperAffinity? shopper) =>
        Composer.Compose(new CompositionRequest(cartItem, generated.Request.Slots + generated.Request.CartProductIds.Distinct().Count(), generated.Request.AsOf, shopper),
            generated.Catalog, generated.Mined[cartItem], generated.Curation[cartItem]);
}
