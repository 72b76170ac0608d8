using MerchDashboard.Data.Import;

namespace MerchDashboard.Tests.Data.Import;

public class SkuBasketBuilderTests
{
    [Fact]
    public void Merge_PartsSeeingSkusInAnyOrder_NumbersThemOrdinallyAcrossParts()
    {
        var first = Part(["b", " a "], ["Z"]);
        var second = Part(["c", "a", "a"], [], ["ä", "", "B"]);

        var labelled = SkuBasketBuilder.Merge([first, second]);

        labelled.Labels.ShouldBe(["B", "Z", "a", "b", "c", "ä"], "ordinal: upper case before lower case, then the umlaut");
        labelled.Baskets.Ids.ShouldBe([0, 1, 2, 3, 4, 5]);
        var baskets = Enumerable.Range(0, labelled.Baskets.BasketCount)
            .Select(b => string.Join(",", labelled.Baskets.Basket(b).ToArray().Select(labelled.Label))).ToList();
        baskets.ShouldBe(["a,b", "Z", "a,c", "", "B,ä"]);
        labelled.ItemOf("c").ShouldBe(4);
        labelled.ItemOf("missing").ShouldBe(-1);
    }

    [Fact]
    public void MemoryBytes_AddsEachLabelsStringToTheEncodedBaskets()
    {
        var labelled = LabelledBaskets.FromBaskets([["ab", "c"]]);

        // Each label: 34 bytes and two per char.
        labelled.MemoryBytes.ShouldBe(labelled.Baskets.MemoryBytes + (34 + 4) + (34 + 2));
    }

    private static SkuBasketBuilder Part(params string[][] baskets)
    {
        var builder = new SkuBasketBuilder();
        foreach (var basket in baskets)
        {
            foreach (var sku in basket)
            {
                builder.AddItem(sku);
            }
            builder.EndBasket();
        }
        return builder;
    }
}
