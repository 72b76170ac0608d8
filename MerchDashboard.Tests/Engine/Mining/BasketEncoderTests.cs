using MerchDashboard.Engine.Mining;

namespace MerchDashboard.Tests.Engine.Mining;

public class BasketEncoderTests
{
    [Fact]
    public void Build_IdsOfDifferentDigitCounts_NumbersItemsInIdOrderAndCountsRepeatsOnce()
    {
        var encoder = new BasketEncoder();
        foreach (var id in new[] { 1000, 7, 99999, 7 })
        {
            encoder.AddItem(id);
        }
        encoder.EndBasket();
        encoder.EndBasket();
        encoder.AddItem(42);
        encoder.AddItem(7);
        encoder.EndBasket();

        var baskets = encoder.Build();

        baskets.Ids.ShouldBe([7, 42, 1000, 99999]);
        (baskets.BasketCount, baskets.ItemCount, baskets.LongestBasket).ShouldBe((3, 4, 3));
        baskets.Basket(0).ToArray().ShouldBe([0, 2, 3]);
        baskets.Basket(1).ToArray().ShouldBeEmpty();
        baskets.Basket(2).ToArray().ShouldBe([0, 1]);
        baskets.ItemSupportCount(baskets.ItemOf(7)).ShouldBe(2);
        baskets.ItemOf(8).ShouldBe(-1);
        baskets.Id(baskets.ItemOf(99999)).ShouldBe(99999);
    }

    [Fact]
    public void Build_RandomIdsDenseOrSparse_SameBasketsAsSortingTheIds()
    {
        var random = new Random(5);
        for (var run = 0; run < 40; run++)
        {
            // Half the runs use ids near int.MaxValue, past the direct table: the dictionary path must agree.
            var offset = run % 2 == 0 ? 0 : int.MaxValue - 1000;
            var baskets = Enumerable.Range(0, random.Next(0, 30))
                .Select(_ => Enumerable.Range(0, random.Next(0, 6)).Select(_ => offset + random.Next(0, 1000)).ToArray()).ToList();
            var parts = baskets.Chunk(7).Select(chunk =>
            {
                var encoder = new BasketEncoder();
                foreach (var basket in chunk)
                {
                    foreach (var id in basket)
                    {
                        encoder.AddItem(id);
                    }
                    encoder.EndBasket();
                }
                return encoder;
            }).ToList();

            var set = BasketEncoder.Merge(parts);

            var ids = baskets.SelectMany(b => b).Distinct().Order().ToList();
            set.Ids.ShouldBe(ids, $"run {run}");
            set.BasketCount.ShouldBe(baskets.Count);
            for (var b = 0; b < baskets.Count; b++)
            {
                set.Basket(b).ToArray().Select(set.Id).ShouldBe(baskets[b].Distinct().Order(), $"run {run}, basket {b}");
            }
        }
    }

    [Fact]
    public void Renumber_MapsIdsAndKeepsBasketsSortedAndDistinct()
    {
        var encoder = new BasketEncoder();
        foreach (var basket in new[] { new[] { 0, 1, 2 }, [], [2, 3] })
        {
            foreach (var id in basket)
            {
                encoder.AddItem(id);
            }
            encoder.EndBasket();
        }

        // 0 -> 30, 1 -> 10, 2 -> 10 (merged with 1), 3 -> 20.
        encoder.Renumber([30, 10, 10, 20]);
        var baskets = encoder.Build();

        baskets.Ids.ShouldBe([10, 20, 30]);
        baskets.Basket(0).ToArray().Select(baskets.Id).ShouldBe([10, 30]);
        baskets.Basket(1).ToArray().ShouldBeEmpty();
        baskets.Basket(2).ToArray().Select(baskets.Id).ShouldBe([10, 20]);
    }

    [Fact]
    public void AddItem_NegativeId_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new BasketEncoder().AddItem(-1)).ParamName.ShouldBe("id");
    }

    [Fact]
    public void MemoryBytes_FourBytesPerBasketStartOccurrenceTwiceAndItemThrice()
    {
        var baskets = TransactionSet.FromBaskets([[1, 2], [2]]);

        // Basket starts 3, occurrences 3 (twice: items and TID lists), items 2 (id, count, TID start), one slack: 4 x (3 + 6 + 6 + 1).
        baskets.MemoryBytes.ShouldBe(64);
    }
}
