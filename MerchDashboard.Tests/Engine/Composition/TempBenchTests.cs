using System.Diagnostics;
using MerchDashboard.Cli.Benchmarks;

namespace MerchDashboard.Tests.Engine.Composition;

public class TempBenchTests(ITestOutputHelper output)
{
    [Fact]
    public void Bench()
    {
        for (var r = 0; r < 3; r++)
        {
            foreach (var personal in new[] { false, true })
            {
                var bytes = GC.GetAllocatedBytesForCurrentThread();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var wall = ComposerBenchmark.MeanNanosecondsPerComposition(100_000, personal);
                var cpuNs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalNanoseconds / 105_000;
                var alloc = (GC.GetAllocatedBytesForCurrentThread() - bytes) / 105_000.0;
                output.WriteLine($"personal={personal} wall {wall:F0} ns, cpu {cpuNs:F0} ns (incl. setup), {alloc:F0} B/composition");
            }
        }
    }
}
