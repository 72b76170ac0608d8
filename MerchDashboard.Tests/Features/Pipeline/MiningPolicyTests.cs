using MerchDashboard.Features.Pipeline;

namespace MerchDashboard.Tests.Features.Pipeline;

public sealed class MiningPolicyTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly MiningPolicy Policy = new(MineAfterOrders: 100, MineEveryMinutes: 30);
    private static readonly LastRun GoodRunTenMinutesAgo = new(false, true, Now.AddMinutes(-12), Now.AddMinutes(-10));

    private static PipelineState State(long waiting, string? request = null, LastRun? last = null) => new(waiting, request, last, Policy);

    [Theory]
    [InlineData(0, null, null)]
    [InlineData(99, null, null)]
    [InlineData(100, null, "100 orders waiting")]
    [InlineData(5, "r2", "import")]
    [InlineData(5, "r1", null)]
    [InlineData(0, "r2", null)]
    public void Decide_AfterAGoodRunTenMinutesAgo_FollowsCountAndRequest(long waiting, string? request, string? expected) =>
        Policy.Decide(State(waiting, request, GoodRunTenMinutesAgo), seenRequest: "r1", Now).ShouldBe(expected);

    [Fact]
    public void Decide_IntervalPassedSinceTheLastRun_AnyWaitingOrderRuns()
    {
        var last = GoodRunTenMinutesAgo with { FinishedAt = Now.AddMinutes(-30) };

        Policy.Decide(State(1, last: last), null, Now).ShouldBe("schedule");
        Policy.Decide(State(1, last: last), null, Now.AddSeconds(-1)).ShouldBeNull();
        Policy.NextScheduled(State(1, last: last), Now).ShouldBe(Now);
    }

    [Fact]
    public void Decide_LastRunFailed_ManyWaitingWaitForTheSchedule()
    {
        var failed = new LastRun(false, false, Now.AddMinutes(-2), Now.AddMinutes(-1));

        Policy.Decide(State(5_000, last: failed), null, Now).ShouldBeNull("a failing run is retried by the clock, not every second");
        Policy.Decide(State(5_000, last: failed), null, Now.AddMinutes(29)).ShouldBe("schedule");
    }

    [Fact]
    public void Decide_ARunInProgress_NothingUntilItEndsUnlessItIsStale()
    {
        var running = new LastRun(true, false, Now.AddMinutes(-5), null);
        var crashed = running with { StartedAt = Now - MiningPolicy.RunningAtMost - TimeSpan.FromMinutes(1) };

        Policy.Decide(State(5_000, "r2", running), "r1", Now).ShouldBeNull();
        Policy.Decide(State(5_000, "r2", crashed), "r1", Now).ShouldBe("import");
    }

    [Fact]
    public void Decide_NeverMined_WaitingOrdersRunAtOnce() =>
        Policy.Decide(State(1), null, Now).ShouldBe("schedule");

    [Theory]
    [InlineData(0, 30, "Mine after orders")]
    [InlineData(100, 0, "Mine every minutes")]
    [InlineData(100, MiningPolicy.MaxMinutes + 1, "Mine every minutes")]
    public void Validate_OutOfRange_NamesTheSetting(int orders, int minutes, string named) =>
        new MiningPolicy(orders, minutes).Validate().ShouldHaveSingleItem().ShouldStartWith(named);
}
