using System.ComponentModel.DataAnnotations;

namespace MerchDashboard.Features.Pipeline;

/// <summary>
/// When the coordinator mines on its own (section <c>Pipeline</c>, validated at start-up; the Mining page
/// saves an override): after <see cref="MineAfterOrders"/> orders are waiting, or every
/// <see cref="MineEveryMinutes"/> minutes while any are. A file import asks for mining at once.
/// </summary>
public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    /// <summary>Orders waiting (stored since the current run read the orders) that start a run.</summary>
    [Range(MiningPolicy.MinOrders, MiningPolicy.MaxOrders)]
    public int MineAfterOrders { get; set; } = 500;

    /// <summary>Minutes after the last run's end when waiting orders start a run however few they are.</summary>
    [Range(MiningPolicy.MinMinutes, MiningPolicy.MaxMinutes)]
    public int MineEveryMinutes { get; set; } = 60;

    public MiningPolicy ToPolicy() => new(MineAfterOrders, MineEveryMinutes);
}

/// <summary>The latest mining run as the policy sees it.</summary>
public sealed record LastRun(bool Running, bool Succeeded, DateTime StartedAt, DateTime? FinishedAt)
{
    public DateTime EndedAt => FinishedAt ?? StartedAt;
}

/// <summary>What the coordinator reads from the database on every check; the Mining page shows it.</summary>
/// <param name="OrdersWaiting">Orders stored after the ones the current run read (not excluded from mining).</param>
/// <param name="MiningRequest">The stamp a file import set to ask for mining; null when none ever did.</param>
/// <param name="LastRun">The latest mining run, whatever its outcome; null before the first.</param>
/// <param name="Policy">The policy in force: the Mining page's saved one, else configuration's.</param>
public sealed record PipelineState(long OrdersWaiting, string? MiningRequest, LastRun? LastRun, MiningPolicy Policy)
{
    public static PipelineState Unknown { get; } = new(0, null, null, new PipelineOptions().ToPolicy());
}

/// <summary>
/// The decision, top to bottom: nothing waiting or a run in progress means no run; a file import's new request
/// means a run; <see cref="MineAfterOrders"/> orders waiting after a good run means a run; and once
/// <see cref="MineEveryMinutes"/> have passed since the last run ended, any waiting order means a run (also
/// how a failed run is retried, never in a loop).
/// </summary>
public sealed record MiningPolicy(int MineAfterOrders, int MineEveryMinutes)
{
    public const int MinOrders = 1;
    public const int MaxOrders = 10_000_000;
    public const int MinMinutes = 1;
    public const int MaxMinutes = 7 * 24 * 60;

    /// <summary>A Running row older than this is a crashed process's, not a run in progress.</summary>
    public static readonly TimeSpan RunningAtMost = TimeSpan.FromHours(6);

    public IReadOnlyList<string> Validate()
    {
        var reasons = new List<string>();
        if (MineAfterOrders is < MinOrders or > MaxOrders)
        {
            reasons.Add($"Mine after orders must be between {MinOrders:N0} and {MaxOrders:N0}.");
        }
        if (MineEveryMinutes is < MinMinutes or > MaxMinutes)
        {
            reasons.Add($"Mine every minutes must be between {MinMinutes} and {MaxMinutes:N0}.");
        }
        return reasons;
    }

    /// <summary>When waiting orders start a run by the clock: the last run's end plus the interval (now, without any run).</summary>
    public DateTime NextScheduled(PipelineState state, DateTime now) =>
        state.LastRun is { } last ? last.EndedAt.AddMinutes(MineEveryMinutes) : now;

    /// <summary>The trigger a run should carry now, or null. <paramref name="seenRequest"/> is the request this instance already acted on.</summary>
    public string? Decide(PipelineState state, string? seenRequest, DateTime now)
    {
        if (state.OrdersWaiting == 0)
        {
            return null;
        }
        if (state.LastRun is { Running: true } running && now - running.StartedAt < RunningAtMost)
        {
            return null;
        }
        if (state.MiningRequest is { } request && request != seenRequest)
        {
            return "import";
        }
        if (state.OrdersWaiting >= MineAfterOrders && state.LastRun is null or { Succeeded: true })
        {
            return $"{state.OrdersWaiting:N0} orders waiting";
        }
        return now >= NextScheduled(state, now) ? "schedule" : null;
    }
}
