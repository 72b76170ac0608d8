using MerchDashboard.Engine.Clv;

namespace MerchDashboard.Tests.Engine.Clv;

public class ClvPredictorTests
{
    private static readonly BgNbdParameters BgNbd = new(0.243, 4.414, 0.793, 2.426);
    private static readonly GammaGammaParameters GammaGamma = new(6.25, 3.74, 15.44);
    private static readonly ClvPeriod Weeks = new(PeriodUnit.Week);

    [Fact]
    public void Predict_OneMonthHorizon_IsValueTimesPurchasesDiscountedOnce()
    {
        var customer = new CustomerRfm(9, 2, 30.43, 38.86, 20);

        var prediction = ClvPredictor.Predict(BgNbd, GammaGamma, [customer], Weeks, 1, 0.01).Single();

        var purchases = BgNbd.ExpectedPurchases(30.4375 / 7, 2, 30.43, 38.86);
        var value = GammaGamma.ExpectedAverageValue(2, 20);
        prediction.ExpectedPurchases.ShouldBe(purchases, 1e-12);
        prediction.ExpectedAverageValue.ShouldBe(value, 1e-12);
        prediction.Clv.ShouldBe(value * purchases / 1.01, 1e-9);
        prediction.ProbabilityAlive.ShouldBe(BgNbd.ProbabilityAlive(2, 30.43, 38.86), 1e-12);
        prediction.CustomerKey.ShouldBe(9);
    }

    [Fact]
    public void Predict_NoDiscount_TelescopesToValueTimesHorizonPurchases()
    {
        CustomerRfm[] customers = [new(1, 0, 0, 10, 0), new(2, 5, 20, 30, 42), new(3, 1, 2, 38, 7)];

        var predictions = ClvPredictor.Predict(BgNbd, GammaGamma, customers, Weeks, 12, 0);

        foreach (var (p, c) in predictions.Zip(customers))
        {
            p.Clv.ShouldBe(GammaGamma.ExpectedAverageValue(c.Frequency, c.MonetaryValue) * BgNbd.ExpectedPurchases(12 * 30.4375 / 7, c.Frequency, c.Recency, c.T), 1e-9);
        }
    }

    [Fact]
    public void Predict_HigherDiscountRate_LowersEveryValue()
    {
        var customers = ClvSimulator.Simulate(BgNbd, GammaGamma, 200, 10, 40, 1).Select(ClvSimulator.ToRfm).ToArray();

        var low = ClvPredictor.Predict(BgNbd, GammaGamma, customers, Weeks, 12, 0.01);
        var high = ClvPredictor.Predict(BgNbd, GammaGamma, customers, Weeks, 12, 0.05);

        low.Zip(high).ShouldAllBe(pair => pair.Second.Clv < pair.First.Clv && pair.Second.Clv > 0);
    }

    [Fact]
    public void SummaryOf_TwoPredictions_AveragesAndSums()
    {
        ClvPrediction[] predictions = [new(1, 0, 0, 10, 0, 0.5, 1, 30, 15), new(2, 3, 8, 10, 40, 1.5, 0.6, 38, 57)];

        // repeaters: customer 2; purchases (0.5 + 1.5)/2 = 1; P(alive) (1 + 0.6)/2 = 0.8; value 15 + 57 = 72
        ClvSummary.Of(predictions).ShouldBe(new ClvSummary(2, 1, 1, 0.8, 72));
    }
}
