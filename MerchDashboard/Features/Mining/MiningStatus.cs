namespace MerchDashboard.Features.Mining;

/// <summary>What the mining job is doing, for the progress bar: immutable, replaced on every change.</summary>
public sealed record MiningStatus(bool Running, string Stage, double Progress, DateTime? StartedAt, string? LastOutcome)
{
    public static MiningStatus Idle { get; } = new(false, "Idle", 0, null, null);
}

/// <summary>How a mining run ended; <see cref="Warning"/> says what a successful run gave up to stay within the memory budget.</summary>
public sealed record MiningOutcome(bool Succeeded, int? RunId, string Message, string? Warning = null);
