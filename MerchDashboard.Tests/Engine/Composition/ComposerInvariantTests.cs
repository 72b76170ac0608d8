using MerchDashboard.Engine.Catalog;
using MerchDashboard.Engine.Composition;

namespace MerchDashboard.Tests.Engine.Composition;

public class ComposerInvariantTests
{
    private const int Cases = 2_000;

    public static TheoryData<int> Seeds => [11, 23];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Compose_GeneratedCases_KeepsTheContractsInvariants(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < Cases; i++)
        {
            var generated = GeneratedCompositionCase.Next(random);
            var anonymous = generated.Compose(shopper: null);
            var personal = generated.Shoppers.Select(s => generated.Compose(s)).ToList();

            foreach (var list in personal.Prepend(anonymous))
            {
                ShouldHoldForEveryList(generated, list);
            }
            anonymous.Slots.Any(s => s.PersonalizationMoved).ShouldBeFalse($"case {i}");
            ShouldBeTheSameForEveryShopper(generated, anonymous, personal, i);
            ShouldIgnoreOverridesOutOfTheirWindow(generated, anonymous, personal[0], i);
        }
    }

    private static void ShouldHoldForEveryList(GeneratedCompositionCase generated, ComposedList list)
    {
        var request = generated.Request;
        var anchor = generated.Catalog.Products[request.AnchorProductId];
        var inWindow = generated.Curation.Overrides.Where(generated.InWindow).ToList();
        var excluded = inWindow.OfType<Exclude>().Select(e => e.ProductId).ToHashSet();
        var byHand = inWindow.Where(o => o is Pin or Add).Select(o => o.ProductId).ToHashSet();
        var ids = list.Slots.Select(s => s.Product.Id).ToList();

        list.Slots.Count.ShouldBeLessThanOrEqualTo(request.Slots);
        ids.Distinct().Count().ShouldBe(ids.Count, "no duplicates");
        ids.ShouldNotContain(anchor.Id);
        // Plain loops: Shouldly's expression-based ShouldAllBe compiles a lambda per call, too slow for 16,000 lists.
        foreach (var slot in list.Slots)
        {
            var id = slot.Product.Id;
            slot.Position.ShouldBe(ids.IndexOf(id) + 1);
            excluded.Contains(id).ShouldBeFalse($"excluded product {id} appears");
            slot.Product.IsAvailable.ShouldBeTrue($"unavailable product {id} appears");
            if (IsSubstitute(generated.Catalog, anchor, slot.Product, slot.Source == SlotSource.Mined ? slot.Pair : null))
            {
                (byHand.Contains(id) && slot.Source is SlotSource.Pinned or SlotSource.Manual).ShouldBeTrue($"substitute {id} appears as {slot.Source}");
            }
            slot.ShopperExplanation.ShouldNotContain("note:", Case.Sensitive, "a merchandiser's note reaches shoppers");
            if (slot.Source == SlotSource.Mined)
            {
                slot.Pair?.ProductId.ShouldBe(id);
                slot.Pair.ShouldNotBeNull();
            }
            if (slot.Source == SlotSource.Pinned)
            {
                inWindow.OfType<Pin>().Any(p => p.ProductId == id).ShouldBeTrue($"{id} is shown as pinned without a pin");
            }
        }

        (list.Shortfall.Count > 0).ShouldBe(list.Slots.Count < request.Slots, "reasons exactly when the list is short");
        if (list.Slots.Count < request.Slots && generated.Curation.Mode != CurationMode.Locked)
        {
            // Short only when truly nothing is left: every product a shopper may be shown from the fallback's reach
            // (the matching rules' targets, the department, or the whole store for an unknown category) is in the list.
            var mayShow = generated.Catalog.Products.Values.Where(p => p.IsAvailable && p.Id != anchor.Id && !excluded.Contains(p.Id)
                && !byHand.Contains(p.Id) && InFallbackReach(generated.Catalog, anchor, p)
                && !IsSubstitute(generated.Catalog, anchor, p, BestEvidence(generated, p.Id)));
            foreach (var product in mayShow)
            {
                ids.ShouldContain(product.Id, "a short list left out a product it could show");
            }
        }

        foreach (var (productId, position) in ExpectedPins(generated, inWindow, excluded))
        {
            var slot = list.Slots.SingleOrDefault(s => s.Product.Id == productId);
            slot.ShouldNotBeNull($"pinned product {productId} is missing");
            slot.Source.ShouldBe(SlotSource.Pinned);
            if (list.Slots.Count == request.Slots)
            {
                slot.Position.ShouldBe(position, "a full list has no gap above a pin");
            }
            else
            {
                slot.Position.ShouldBeLessThanOrEqualTo(position, "gaps close upwards only");
            }
        }
    }

    /// <summary>
    /// Written independently of the composer: a product of the anchor's own leaf category is a substitute unless
    /// the category is unknown, set to go together, or decided by evidence that the mined pair passes.
    /// </summary>
    private static bool IsSubstitute(CatalogView catalog, ProductInfo anchor, ProductInfo product, MinedCandidate? pair)
    {
        if (product.CategoryId != anchor.CategoryId || catalog.UnknownCategories.Contains(anchor.CategoryId))
        {
            return false;
        }
        var pairing = catalog.Pairings.TryGetValue(anchor.CategoryId, out var set) ? set : CategoryPairing.ByEvidence;
        var evidence = pair is not null && pair.CoPurchaseCount >= catalog.Evidence.MinCoPurchases && pair.Lift >= catalog.Evidence.MinLift;
        return pairing == CategoryPairing.Alternatives || (pairing == CategoryPairing.ByEvidence && !evidence);
    }

    private static bool InFallbackReach(CatalogView catalog, ProductInfo anchor, ProductInfo product)
    {
        if (catalog.UnknownCategories.Contains(anchor.CategoryId))
        {
            return catalog.StoreBestSellers.Contains(product.Id);
        }
        var reach = catalog.Rules.Where(r => r.AppliesTo(anchor)).Select(r => r.TargetCategoryId).Append(anchor.DepartmentId ?? -1);
        return reach.Any(c => c == product.CategoryId || c == product.DepartmentId);
    }

    /// <summary>A mined pair of the product that passes the evidence test, if any; otherwise any of its pairs.</summary>
    private static MinedCandidate? BestEvidence(GeneratedCompositionCase generated, int productId) =>
        generated.Mined.Where(m => m.ProductId == productId)
            .OrderByDescending(m => m.CoPurchaseCount >= generated.Catalog.Evidence.MinCoPurchases && m.Lift >= generated.Catalog.Evidence.MinLift)
            .FirstOrDefault();

    /// <summary>The first in-window pin of each product, kept when valid and the first to claim its slot.</summary>
    private static Dictionary<int, int> ExpectedPins(GeneratedCompositionCase generated, List<Override> inWindow, HashSet<int> excluded)
    {
        var products = generated.Catalog.Products;
        var seen = new HashSet<int>();
        var claimedSlots = new HashSet<int>();
        var expected = new Dictionary<int, int>();
        foreach (var pin in inWindow.OfType<Pin>())
        {
            var valid = seen.Add(pin.ProductId)
                && products.TryGetValue(pin.ProductId, out var product) && product.IsAvailable
                && pin.ProductId != generated.Request.AnchorProductId && !excluded.Contains(pin.ProductId)
                && pin.Position >= 1 && pin.Position <= generated.Request.Slots;
            if (valid && claimedSlots.Add(pin.Position))
            {
                expected[pin.ProductId] = pin.Position;
            }
        }
        return expected;
    }

    private static void ShouldBeTheSameForEveryShopper(
        GeneratedCompositionCase generated, ComposedList anonymous, List<ComposedList> personal, int caseNumber)
    {
        var fixedSlots = generated.Curation.Mode switch
        {
            CurationMode.Locked => int.MaxValue,
            CurationMode.LockedTopN => generated.Curation.LockedTopN,
            _ => 0,
        };
        foreach (var list in personal)
        {
            list.Slots.Take(fixedSlots).ShouldBe(anonymous.Slots.Take(fixedSlots), $"case {caseNumber}");
            if (generated.Curation.Mode == CurationMode.Locked)
            {
                list.Slots.Count.ShouldBe(anonymous.Slots.Count);
            }
        }
    }

    private static void ShouldIgnoreOverridesOutOfTheirWindow(
        GeneratedCompositionCase generated, ComposedList anonymous, ComposedList personal, int caseNumber)
    {
        var inWindowOnly = generated.Curation with { Overrides = [.. generated.Curation.Overrides.Where(generated.InWindow)] };
        generated.Compose(null, inWindowOnly).Slots.ShouldBe(anonymous.Slots, $"case {caseNumber}");
        var trimmed = generated.Compose(generated.Shoppers[0], inWindowOnly);
        trimmed.Slots.ShouldBe(personal.Slots, $"case {caseNumber}");
        trimmed.Warnings.ShouldBe(personal.Warnings);
        trimmed.RecommendationId.ShouldBe(personal.RecommendationId);
    }
}
