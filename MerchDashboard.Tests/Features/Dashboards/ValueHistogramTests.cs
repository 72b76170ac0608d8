using MerchDashboard.Features.Dashboards;

namespace MerchDashboard.Tests.Features.Dashboards;

public class ValueHistogramTests
{
    [Theory]
    [InlineData(48.2, 50)]
    [InlineData(0.3, 0.5)]
    [InlineData(100, 100)]
    [InlineData(101, 200)]
    [InlineData(1.5, 2)]
    public void RoundWidth_Raw_IsTheNextOneTwoOrFiveTimesAPowerOfTen(double raw, double expected) =>
        ValueHistogram.RoundWidth(raw).ShouldBe(expected, 1e-9);

    [Fact]
    public void Of_OneLargeValue_GetsTheOpenBinAboveThe99thPercentile()
    {
        // p99 of [0, 10, 15, 99, 1000] sits at position 3.96: 99 + 0.96 × 901 = 963.96; width round(48.2) = 50, 20 closed bins
        var bins = ValueHistogram.Of([0, 10, 15, 99, 1000]);

        bins.Count.ShouldBe(21);
        bins[0].ShouldBe(new ValueBin(0, 50, 3));
        bins[1].ShouldBe(new ValueBin(50, 100, 1));
        bins[^1].ShouldBe(new ValueBin(1000, null, 1));
        bins.Sum(b => b.Count).ShouldBe(5);
    }

    [Fact]
    public void Of_ManyRandomSamples_CountsEveryValueOnce()
    {
        var random = new Random(7);
        for (var run = 0; run < 50; run++)
        {
            var values = Enumerable.Range(0, random.Next(1, 400)).Select(_ => Math.Exp(random.NextDouble() * 8) - 1).ToArray();

            var bins = ValueHistogram.Of(values);

            bins.Sum(b => b.Count).ShouldBe(values.Length);
            bins.Where(b => b.To is not null).ShouldAllBe(b => b.To - b.From == bins[0].To - bins[0].From);
        }
    }

    [Fact]
    public void Of_NoValues_IsEmpty() => ValueHistogram.Of([]).ShouldBeEmpty();
}
