using MerchDashboard.Engine.Clv;

namespace MerchDashboard.Tests.Engine.Clv;

public class ClvHoldoutTests
{
    private static readonly ClvPeriod Days = new(PeriodUnit.Day);
    private static readonly DateOnly CalibrationEnd = new(2025, 1, 8);
    private static readonly DateOnly HoldoutEnd = new(2025, 1, 15);
    private static readonly BgNbdFit Fixed = new(new BgNbdParameters(0.5, 2, 0.8, 2.5), 0, 4, 0, true);

    private static ClvTransaction T(int customer, int day) => new(customer, new DateOnly(2025, 1, day), 10);

    /// <summary>
    /// 1: Jan 1, 3, 5 | 12, 15 → calibration frequency 2 (recency 4, T 7), holdout 2.
    /// 2: Jan 2 | – → frequency 0 (T 6), holdout 0.
    /// 3: Jan 1, 4 | 11 → frequency 1 (recency 3, T 7), holdout 1.
    /// 4: Jan 3 twice | Jan 12 twice, Jan 16 (after the holdout) → frequency 0 (T 5), holdout 1 (one day).
    /// 5: Jan 9 only → first purchase after the calibration end: not in the check.
    /// </summary>
    private static readonly ClvTransaction[] Store =
    [
        T(1, 1), T(1, 3), T(1, 5), T(1, 12), T(1, 15),
        T(2, 2),
        T(3, 1), T(3, 4), T(3, 11),
        T(4, 3), T(4, 3), T(4, 12), T(4, 12), T(4, 16),
        T(5, 9),
    ];

    [Fact]
    public void HoldoutTransactions_HandMadeStore_CountsDistinctDaysInsideTheHoldout()
    {
        var holdout = ClvHoldout.HoldoutTransactions(Store, CalibrationEnd, HoldoutEnd);

        holdout.OrderBy(h => h.Key).ShouldBe([new(1, 2), new(3, 1), new(4, 1), new(5, 1)]);
    }

    [Fact]
    public void Compare_HandMadeStore_BucketsByCalibrationFrequencyWithHandComputedActualMeans()
    {
        var calibration = RfmSummarizer.Summarize(Store, CalibrationEnd, Days);

        var check = ClvHoldout.Compare(Fixed, calibration, ClvHoldout.HoldoutTransactions(Store, CalibrationEnd, HoldoutEnd), CalibrationEnd, HoldoutEnd, Days);

        check.HoldoutPeriods.ShouldBe(7);
        check.Customers.ShouldBe(4);
        check.ActualTotal.ShouldBe(4);
        check.Buckets.Select(b => (b.Label, b.Customers, b.ActualMean)).ShouldBe([("0", 2, 0.5), ("1", 1, 1.0), ("2", 1, 2.0)]);
        var p = Fixed.Parameters;
        check.Buckets[0].PredictedMean.ShouldBe((p.ExpectedPurchases(7, 0, 0, 6) + p.ExpectedPurchases(7, 0, 0, 5)) / 2, 1e-12);
        check.Buckets[1].PredictedMean.ShouldBe(p.ExpectedPurchases(7, 1, 3, 7), 1e-12);
        check.Buckets[2].PredictedMean.ShouldBe(p.ExpectedPurchases(7, 2, 4, 7), 1e-12);
        check.PredictedTotal.ShouldBe(check.Buckets.Sum(b => b.PredictedMean * b.Customers), 1e-9);
        check.RelativeError.ShouldBe((check.PredictedTotal - 4) / 4, 1e-12);
    }

    [Fact]
    public void Compare_HeavyBuyers_ShareTheLastBucket()
    {
        CustomerRfm[] calibration = [new(1, 6, 20, 30, 5), new(2, 9, 25, 30, 5), new(3, 5, 20, 30, 5)];
        var holdout = new Dictionary<int, int> { [1] = 1, [2] = 4, [3] = 2 };

        var check = ClvHoldout.Compare(Fixed, calibration, holdout, CalibrationEnd, HoldoutEnd, Days);

        check.Buckets.Select(b => (b.Label, b.AndMore, b.Customers, b.ActualMean)).ShouldBe([("5", false, 1, 2.0), ("6+", true, 2, 2.5)]);
    }

    [Fact]
    public void Run_StoreDrawnFromTheModel_PredictsTheHoldoutWithinTenPercent()
    {
        var weeks = new ClvPeriod(PeriodUnit.Week);
        var end = new DateOnly(2025, 12, 31);
        var transactions = ClvSimulator.Simulate(new BgNbdParameters(0.5, 6, 0.7, 2.5), new GammaGammaParameters(6, 4, 15), 4_000, 30, 80, 11)
            .SelectMany(c => ClvSimulator.ToTransactions(c, end, weeks)).ToArray();

        var check = ClvHoldout.Run(transactions, end.AddDays(-13 * 7), end, weeks);

        check.HoldoutPeriods.ShouldBe(13);
        check.ActualTotal.ShouldBeGreaterThan(500);
        Math.Abs(check.RelativeError).ShouldBeLessThan(0.1);
        check.Buckets.Where(b => b.Customers >= 200).ShouldAllBe(b => Math.Abs(b.PredictedMean - b.ActualMean) < 0.25 * Math.Max(0.2, b.ActualMean));
    }

    [Fact]
    public void Run_HoldoutEndingAtTheCalibrationEnd_IsRefused() =>
        Should.Throw<ArgumentException>(() => ClvHoldout.Run(Store, CalibrationEnd, CalibrationEnd, Days));
}
