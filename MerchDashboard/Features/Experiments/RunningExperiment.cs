using MerchDashboard.Engine.Experiments;
using MerchDashboard.Engine.Metrics;

namespace MerchDashboard.Features.Experiments;

/// <summary>The experiment serving traffic now, as assignment needs it.</summary>
public sealed record RunningExperiment(int Id, string Name, IReadOnlyList<ArmShare> Arms);

/// <summary>A shopper's place in the running experiment.</summary>
public sealed record ArmAssignment(int ExperimentId, string ExperimentName, Arm Arm, string ShopperId)
{
    public string ArmName => ArmShares.NameOf(Arm);
}
