using MerchDashboard.Engine.Personalization;
using MerchDashboard.Features.Preview;

namespace MerchDashboard.Tests.Features.Preview;

public class EvaluationVerdictTests
{
    private static EvaluationReport Report(double basket, double personal, double bestSellers) => new(100, 50,
    [
        new(OfflineEvaluator.FrequentlyBoughtWith, 50, [new(10, basket, 0, 0)]),
        new(OfflineEvaluator.Personalized, 50, [new(10, personal, 0, 0)]),
        new(OfflineEvaluator.BestSellerBaseline, 50, [new(10, bestSellers, 0, 0)]),
    ]);

    [Theory]
    [InlineData(0.149, 0.12, "Personalized lists hit 14.9% of held-out orders at 10 vs 12.0% for best sellers: personalization earns its place.")]
    [InlineData(0.125, 0.12, "Personalized lists hit 12.5% of held-out orders at 10 vs 12.0% for best sellers: personalization has only a small edge over best sellers here.")]
    [InlineData(0.10, 0.12, "Personalized lists hit 10.0% of held-out orders at 10 vs 12.0% for best sellers: personalization does worse than best sellers here.")]
    public void Write_HitRates_ReadInPlainWords(double personal, double bestSellers, string expected)
    {
        var verdict = EvaluationVerdict.Write(Report(0.08, personal, bestSellers), 10);

        verdict.ShouldStartWith(expected);
        verdict.ShouldEndWith("Frequently-bought-with lists of the previous order hit 8.0%.");
    }

    [Theory]
    [InlineData(0.132, 0.12, VerdictOutcome.ClearWin)]
    [InlineData(0.131, 0.12, VerdictOutcome.SmallEdge)]
    [InlineData(0.12, 0.12, VerdictOutcome.NoBetter)]
    [InlineData(0.0, 0.0, VerdictOutcome.NoBetter)]
    public void Outcome_ClearWinNeedsATenthMoreThanBestSellers(double personal, double bestSellers, VerdictOutcome expected) =>
        EvaluationVerdict.Outcome(Report(0.05, personal, bestSellers), 10).ShouldBe(expected);

    [Fact]
    public void Write_NoHeldOutOrders_SaysThereIsNothingToHoldOut() =>
        EvaluationVerdict.Write(new EvaluationReport(3, 0, []), 10).ShouldBe("No customer has two orders yet, so there is nothing to hold out.");
}
