using MerchDashboard.Engine.Metrics;

namespace MerchDashboard.Tests.Engine.Metrics;

public class AttachRatesTests
{
    [Fact]
    public void PerProduct_HandMadeOrders_MatchesHandComputation()
    {
        var counts = AttachRates.PerProduct(HandMadeOrders.Orders, HandMadeOrders.Lists);

        // 1: orders 1 (with 2 ✓), 3 (with 3 ✓), 7 (alone ✗) → 2/3
        // 2: orders 1 (with 1 ✓), 6 (with 6 ✗) → 1/2
        // 4: orders 4 (with 5 ✓), 5 (alone ✗) → 1/2; products 3, 5, 6 have no list and are not anchors
        counts.ShouldBe([new AttachCount(1, 3, 2), new AttachCount(2, 2, 1), new AttachCount(4, 2, 1)]);
        counts[0].Rate.ShouldBe(2.0 / 3, 1e-12);
    }

    [Fact]
    public void Site_HandMadeOrders_WeightsProductsByOrders()
    {
        // (2 + 1 + 1) / (3 + 2 + 2) = 4/7, not the mean of the rates (2/3 + 1/2 + 1/2) / 3
        var site = AttachRates.Site(HandMadeOrders.Orders, HandMadeOrders.Lists);

        site.Rate.ShouldBe(4.0 / 7, 1e-12);
        AttachRates.Site(AttachRates.PerProduct(HandMadeOrders.Orders, HandMadeOrders.Lists)).ShouldBe(site);
    }

    [Fact]
    public void Site_RandomOrders_EqualsSumOverProducts()
    {
        var random = new Random(5);
        var lists = FrequentlyBoughtWith.From(Enumerable.Range(0, 30).ToDictionary(a => a, _ => Enumerable.Range(0, 3).Select(_ => random.Next(40)).ToArray()));
        var orders = Enumerable.Range(0, 2000)
            .Select(i => new OrderSummary(i, null, HandMadeOrders.DataEnd, Arm.Control, 1, 1, 0,
                [.. Enumerable.Range(0, random.Next(1, 6)).Select(_ => random.Next(40)).Distinct()]))
            .ToArray();

        var perProduct = AttachRates.PerProduct(orders, lists);
        var site = AttachRates.Site(orders, lists);

        site.ShouldBe(AttachRates.Site(perProduct));
        perProduct.ShouldAllBe(c => c.Attached <= c.Orders);
        perProduct.Sum(c => c.Orders).ShouldBe(orders.Sum(o => o.ProductIds!.Count(p => lists.TryGetItems(p, out _))));
    }

    [Fact]
    public void PerProduct_AnchorWithEmptyList_IsNotAnAnchor()
    {
        var lists = new FrequentlyBoughtWith([KeyValuePair.Create(1, (IEnumerable<int>)[]), KeyValuePair.Create(2, (IEnumerable<int>)[1, 1])]);
        OrderSummary[] orders = [new(1, null, HandMadeOrders.DataEnd, Arm.Control, 1, 1, 0, [1, 2]), new(2, null, HandMadeOrders.DataEnd, Arm.Control, 1, 1, 0, null)];

        var counts = AttachRates.PerProduct(orders, lists);

        lists.Anchors.ShouldBe(1);
        counts.ShouldBe([new AttachCount(2, 1, 1)]);
    }
}
