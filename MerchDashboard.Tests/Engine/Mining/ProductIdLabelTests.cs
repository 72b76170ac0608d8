using MerchDashboard.Engine.Mining;

namespace MerchDashboard.Tests.Engine.Mining;

public class ProductIdLabelTests
{
    [Fact]
    public void Of_RandomIdsUpToIntMax_SortOrdinallyInIdOrderAndParseBack()
    {
        var random = new Random(17);
        var ids = Enumerable.Range(0, 2_000).Select(_ => random.Next(0, int.MaxValue)).Append(0).Append(int.MaxValue).Append(9).Append(10).ToList();

        var labels = ids.Select(ProductIdLabel.Of).ToList();

        labels.Order(StringComparer.Ordinal).Select(ProductIdLabel.Parse).ShouldBe(ids.Order());
        labels.ShouldAllBe(label => label.Length == ProductIdLabel.Digits);
    }

    [Fact]
    public void Format_WritesTheSameLabelAsOf()
    {
        Span<char> buffer = stackalloc char[ProductIdLabel.Digits];

        ProductIdLabel.Format(1234, buffer).ToString().ShouldBe("0000001234");
        ProductIdLabel.Of(1234).ShouldBe("0000001234");
    }

    [Fact]
    public void Of_NegativeId_Refused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => ProductIdLabel.Of(-1)).ParamName.ShouldBe("productId");

    [Fact]
    public void AddProduct_IdsOfOneBasket_CountedOnceUnderTheirLabels()
    {
        var encoder = new BasketEncoder();
        encoder.AddProduct(12);
        encoder.AddProduct(3);
        encoder.AddProduct(12);
        encoder.EndBasket();

        var baskets = encoder.Build();

        baskets.Labels.ShouldBe(["0000000003", "0000000012"]);
        baskets.ItemSupportCount(baskets.IdOf("0000000012")).ShouldBe(1);
    }
}
