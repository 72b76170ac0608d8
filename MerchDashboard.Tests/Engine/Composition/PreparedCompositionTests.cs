using MerchDashboard.Engine.Composition;

namespace MerchDashboard.Tests.Engine.Composition;

/// <summary>
/// The storefront keeps one <see cref="PreparedComposition"/> per anchor and finishes it for every shopper, on many threads
/// at once. Finishing must read it only: one prepared composition used for many shoppers, in any order and concurrently,
/// gives each of them exactly the list a fresh composition gives.
/// </summary>
public class PreparedCompositionTests
{
    private const int Cases = 600;

    [Theory]
    [InlineData(5)]
    [InlineData(29)]
    public void For_OnePreparedCompositionSharedByManyShoppersAndThreads_GivesEachTheFreshList(int seed)
    {
        var random = new Random(seed);
        var movedSlots = 0;
        for (var i = 0; i < Cases; i++)
        {
            var generated = GeneratedCompositionCase.Next(random);
            var request = generated.Request;
            IShopperAffinity?[] shoppers = [.. generated.Shoppers, null];
            var fresh = shoppers.Select(s => generated.Compose(s)).ToArray();
            var prepared = Composer.Prepare(request.AnchorProductId, request.Slots, request.AsOf, generated.Catalog, generated.Mined, generated.Curation);

            // Shoppers first (the anonymous list last), each several times, from two threads at once.
            var finished = new ComposedList[shoppers.Length * 8];
            Parallel.For(0, finished.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 },
                k => finished[k] = prepared.For(shoppers[k % shoppers.Length]));

            for (var k = 0; k < finished.Length; k++)
            {
                ShouldBeTheSame(finished[k], fresh[k % shoppers.Length], $"case {i}, shopper {k % shoppers.Length}");
            }
            movedSlots += fresh.Sum(l => l.Slots.Count(s => s.PersonalizationMoved));
        }
        movedSlots.ShouldBeGreaterThan(Cases, "the cases move slots for shoppers, so the shared parts are exercised");
    }

    private static void ShouldBeTheSame(ComposedList actual, ComposedList expected, string because)
    {
        actual.RecommendationId.ShouldBe(expected.RecommendationId, because);
        actual.ShopperLabel.ShouldBe(expected.ShopperLabel, because);
        actual.LockedSlots.ShouldBe(expected.LockedSlots, because);
        actual.Warnings.ShouldBe(expected.Warnings, because);
        actual.Shortfall.ShouldBe(expected.Shortfall, because);
        actual.Slots.Count.ShouldBe(expected.Slots.Count, because);
        for (var s = 0; s < expected.Slots.Count; s++)
        {
            var (a, e) = (actual.Slots[s], expected.Slots[s]);
            (a.Position, a.Product.Id, a.Source, a.PersonalizationMoved, a.Locked).ShouldBe((e.Position, e.Product.Id, e.Source, e.PersonalizationMoved, e.Locked), because);
            a.Explanation.ShouldBe(e.Explanation, because);
            a.ShopperExplanation.ShouldBe(e.ShopperExplanation, because);
            a.Pair.ShouldBe(e.Pair, because);
        }
    }
}
