using MerchDashboard.Engine.Mining;

namespace MerchDashboard.Tests.Engine.Mining;

public class MemoryBudgetTests
{
    [Fact]
    public void TryReserve_PastTheLimit_RefusedAndMarked()
    {
        var budget = new MemoryBudget(100);

        budget.TryReserve(60).ShouldBeTrue();
        budget.TryReserve(41).ShouldBeFalse();

        (budget.UsedBytes, budget.PeakBytes, budget.Exceeded).ShouldBe((60L, 60L, true));
        budget.Release(60);
        budget.ResetExceeded();
        budget.TryReserve(100).ShouldBeTrue();
        (budget.UsedBytes, budget.PeakBytes, budget.Exceeded).ShouldBe((100L, 100L, false));
    }

    [Fact]
    public void TryReserve_ManyThreads_NeverPassesTheLimit()
    {
        var budget = new MemoryBudget(1_000_000);
        var granted = 0L;

        Parallel.For(0, 100_000, _ =>
        {
            if (budget.TryReserve(17))
            {
                Interlocked.Add(ref granted, 17);
            }
        });

        budget.UsedBytes.ShouldBe(granted);
        granted.ShouldBeGreaterThan(1_000_000 - (17 * 64), "refusals happen only near the limit");
        budget.PeakBytes.ShouldBeLessThanOrEqualTo(1_000_000);
    }
}
