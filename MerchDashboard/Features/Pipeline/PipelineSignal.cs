using MerchDashboard.Features.Mining;

namespace MerchDashboard.Features.Pipeline;

/// <summary>How writers and pages tell the pipeline what happened (<see cref="PipelineCoordinator"/>); never blocks.</summary>
public interface IPipelineSignals
{
    /// <summary>This instance wrote data: the coordinator checks now rather than at the next poll.</summary>
    void DataWritten(string writer);

    /// <summary>Someone asked for a mining run; it is queued, coalesced with others, never dropped.</summary>
    void MineNow(string trigger);
}

/// <summary>What reaches the coordinator's queue. Signals waiting together are handled as one check.</summary>
public abstract record PipelineSignal
{
    private PipelineSignal()
    {
    }

    /// <summary>This instance wrote data (an import, the catalog or orders API): check the stamps now rather than at the next poll.</summary>
    public sealed record DataWritten(string Writer) : PipelineSignal;

    /// <summary>Someone asked for a run (the Mining page).</summary>
    public sealed record MineRequested(string Trigger) : PipelineSignal;

    /// <summary>A curated list changed on this instance.</summary>
    public sealed record CurationChanged(int AnchorProductId) : PipelineSignal;

    /// <summary>A mining run of this instance ended (published, failed, cancelled or refused).</summary>
    public sealed record MiningFinished(MiningOutcome Outcome) : PipelineSignal;
}

/// <summary>What the Mining page shows of the pipeline: the last check's state and the next run by the clock.</summary>
public sealed record PipelineStatus(PipelineState State, DateTime? NextScheduledRun, DateTime CheckedAt)
{
    public static PipelineStatus NotYetChecked { get; } = new(PipelineState.Unknown, null, DateTime.MinValue);
}
