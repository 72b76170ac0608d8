using MerchDashboard.Cli.Benchmarks;

namespace MerchDashboard.Tests.Cli.Benchmarks;

public class ComposerBenchmarkTests
{
    [Fact]
    public void MeanNanosecondsPerComposition_SmallRun_ReturnsAPositiveFigure()
    {
        ComposerBenchmark.MeanNanosecondsPerComposition(compositions: 500, personalized: true).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void MeanNanosecondsPerComposition_NoCompositions_IsRejected()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => ComposerBenchmark.MeanNanosecondsPerComposition(compositions: 0));
    }
}
