using MerchDashboard.Engine.Clv;

namespace MerchDashboard.Tests.Engine.Clv;

public class RfmSummarizerTests
{
    private static readonly DateOnly CalibrationEnd = new(2024, 3, 29);

    [Fact]
    public void Summarize_HandMadeTransactions_FollowsLifetimesConventions()
    {
        ClvTransaction[] transactions =
        [
            new(1, new(2024, 1, 29), 30),
            new(1, new(2024, 1, 1), 10),
            new(1, new(2024, 1, 1), 5),
            new(1, new(2024, 1, 15), 20),
            new(1, new(2024, 4, 5), 99),
            new(2, new(2024, 3, 1), 40),
            new(3, new(2024, 4, 1), 70),
            new(4, new(2024, 3, 29), 8),
            new(4, new(2024, 3, 29), 9),
        ];

        var rfm = RfmSummarizer.Summarize(transactions, CalibrationEnd, new ClvPeriod(PeriodUnit.Week));

        rfm.Count.ShouldBe(3, "customer 3 starts after the calibration end");
        // Customer 1: days Jan 1 (10 + 5 merged), Jan 15, Jan 29 → 2 repeats; recency 28 days = 4 weeks;
        // T = Jan 1 → Mar 29 = 31 + 29 + 28 = 88 days = 88/7 weeks; monetary = (20 + 30)/2 = 25; Apr 5 ignored.
        rfm[0].ShouldBe(new CustomerRfm(1, 2, 4, 88 / 7.0, 25));
        // Customer 2: one purchase on Mar 1: T = 28 days = 4 weeks.
        rfm[1].ShouldBe(new CustomerRfm(2, 0, 0, 4, 0));
        // Customer 4: two purchases on the calibration end day are one transaction.
        rfm[2].ShouldBe(new CustomerRfm(4, 0, 0, 0, 0));
    }

    [Theory]
    [InlineData(PeriodUnit.Day, 30.4375)]
    [InlineData(PeriodUnit.Week, 30.4375 / 7)]
    [InlineData(PeriodUnit.Month, 1)]
    public void PerMonth_EachUnit_IsDaysPerMonthOverPeriodLength(PeriodUnit unit, double expected)
    {
        new ClvPeriod(unit).PerMonth.ShouldBe(expected, 1e-12);
    }
}
