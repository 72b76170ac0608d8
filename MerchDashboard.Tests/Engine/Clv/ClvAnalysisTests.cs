using MerchDashboard.Engine.Clv;

namespace MerchDashboard.Tests.Engine.Clv;

public class ClvAnalysisTests
{
    [Fact]
    public void Run_SimulatedCustomers_PredictsEveryCustomerWithTheFittedModels()
    {
        var customers = ClvSimulator.Simulate(new BgNbdParameters(0.5, 6, 0.7, 2.5), new GammaGammaParameters(6, 4, 15), 3_000, 10, 60, 4)
            .Select(ClvSimulator.ToRfm).ToArray();
        var weeks = new ClvPeriod(PeriodUnit.Week);

        var result = ClvAnalysis.Run(customers, weeks, 12, 0.01);

        result.Predictions.Select(p => p.CustomerKey).ShouldBe(customers.Select(c => c.CustomerKey));
        result.Summary.Customers.ShouldBe(3_000);
        result.Summary.Repeaters.ShouldBe(customers.Count(c => c.Frequency > 0));
        result.Summary.TotalPredictedValue.ShouldBe(result.Predictions.Sum(p => p.Clv), 1e-6);
        var sample = result.Predictions[17];
        sample.ProbabilityAlive.ShouldBe(result.BgNbd.Parameters.ProbabilityAlive(sample.Frequency, sample.Recency, sample.T), 1e-12);
        result.Predictions.ShouldAllBe(p => p.ProbabilityAlive > 0 && p.ProbabilityAlive <= 1 && p.ExpectedPurchases >= 0 && p.Clv >= 0);
    }
}
