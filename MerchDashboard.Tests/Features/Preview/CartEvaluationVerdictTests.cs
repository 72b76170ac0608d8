using MerchDashboard.Engine.Personalization;
using MerchDashboard.Features.Preview;

namespace MerchDashboard.Tests.Features.Preview;

public class CartEvaluationVerdictTests
{
    private static CartEvaluationReport Report(double cart, double first, double bestSellers, int skipped = 0) => new(10, 40, skipped,
    [
        new(CartEvaluator.CartComposition, 40, [new MetricsAtK(10, cart, cart / 10, cart)]),
        new(CartEvaluator.FirstItemList, 40, [new MetricsAtK(10, first, first / 10, first)]),
        new(CartEvaluator.BestSellers, 40, [new MetricsAtK(10, bestSellers, bestSellers / 10, bestSellers)]),
    ]);

    [Theory]
    [InlineData(0.30, 0.20, 0.10, VerdictOutcome.ClearWin)]
    [InlineData(0.21, 0.20, 0.10, VerdictOutcome.SmallEdge)]
    [InlineData(0.20, 0.10, 0.25, VerdictOutcome.NoBetter)]
    public void Outcome_AgainstTheBetterRival(double cart, double first, double bestSellers, VerdictOutcome expected) =>
        CartEvaluationVerdict.Outcome(Report(cart, first, bestSellers), 10).ShouldBe(expected);

    [Fact]
    public void Write_ClearWinWithSkippedCases_SaysTheNumbersAndTheBudget() =>
        CartEvaluationVerdict.Write(Report(0.3, 0.2, 0.1, skipped: 12), 10).ShouldBe(
            "Cart lists found the left-out item in 30.0% of 40 carts at 10, vs 20.0% for the first item's list alone and 10.0% for best sellers: "
            + "composing over the whole cart earns its place (12 further cases were past the budget and skipped).");

    [Fact]
    public void Write_NoCases_SaysThereIsNothingToEvaluate() =>
        CartEvaluationVerdict.Write(new CartEvaluationReport(0, 0, 0, []), 10).ShouldContain("no cart to evaluate");
}
