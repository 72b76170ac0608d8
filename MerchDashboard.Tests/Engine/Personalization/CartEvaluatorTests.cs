using MerchDashboard.Engine.Personalization;

namespace MerchDashboard.Tests.Engine.Personalization;

public class CartEvaluatorTests
{
    private static readonly DateTime At = new(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc);

    // O1 gives 3 carts, O2 is too small (2 items), O3 gives 4 carts: 7 cases from 2 orders.
    private static readonly HeldOutOrder[] Orders =
    [
        new(1, At, [1, 2, 3], []),
        new(2, At, [4, 5], []),
        new(3, At, [1, 4, 5, 6], []),
    ];

    private static readonly NamedCartRecommender Fixed = new("fixed", _ => [1, 2, 3, 4, 5, 6, 7]);

    [Fact]
    public void Cases_OrdersOfThreeOrMoreItems_OneCartPerLeftOutItem()
    {
        var (cases, orders, skipped) = CartEvaluator.Cases(Orders, maxCases: 100);

        orders.ShouldBe(2);
        skipped.ShouldBe(0);
        cases.Select(c => (string.Join(",", c.Cart), c.HeldOutItem)).ShouldBe(
        [
            ("2,3", 1), ("1,3", 2), ("1,2", 3),
            ("4,5,6", 1), ("1,5,6", 4), ("1,4,6", 5), ("1,4,5", 6),
        ]);
    }

    [Fact]
    public void Evaluate_HandMadeOrders_HitRateAndPrecisionAsComputedByHand()
    {
        // The fixed list without the cart: O1's three carts and O3's first put the left-out item first; O3's other
        // three carts (1 is in them) show 2, 3 and then the left-out item at rank 3. Hits at 1: 4 of 7; at 3: 7 of 7.
        var report = CartEvaluator.Evaluate(Orders, [Fixed, new("never", _ => [7, 8])], [1, 3], maxCases: 100);

        report.Cases.ShouldBe(7);
        report.Orders.ShouldBe(2);
        var at1 = report.For("fixed").At(1);
        at1.HitRate.ShouldBe(4.0 / 7, 1e-12);
        at1.Precision.ShouldBe(4.0 / 7, 1e-12);
        var at3 = report.For("fixed").At(3);
        at3.HitRate.ShouldBe(1.0, 1e-12);
        at3.Precision.ShouldBe(1.0 / 3, 1e-12);
        report.For("never").At(3).ShouldBe(new MetricsAtK(3, 0, 0, 0));
    }

    [Fact]
    public void Evaluate_ListStartingWithTheCart_GetsNoCreditForCartItems()
    {
        var cartFirst = new NamedCartRecommender("cart first", cart => [.. cart, 1, 2, 3, 4, 5, 6, 7]);

        var report = CartEvaluator.Evaluate(Orders, [Fixed, cartFirst], [1, 3], maxCases: 100);

        report.For("cart first").AtK.ShouldBe(report.For("fixed").AtK);
    }

    [Fact]
    public void Evaluate_PastTheBudget_SkipsWholeOrdersAndCountsTheirCases()
    {
        var report = CartEvaluator.Evaluate(Orders, [Fixed], [1], maxCases: 5);

        report.Cases.ShouldBe(3);
        report.Orders.ShouldBe(1);
        report.Skipped.ShouldBe(4);
        report.For("fixed").At(1).HitRate.ShouldBe(1.0);
    }
}
