namespace MerchDashboard.Data.Entities;

public enum ExperimentStatus
{
    Draft = 0,
    Running = 1,
    Paused = 2,
    Stopped = 3,
}

/// <summary>
/// A test of the four strategies on live traffic. <see cref="Arms"/> is the "control=25,cross-sell=75" text of the
/// arms and their shares. <see cref="RunningSlot"/> is 1 while the experiment runs and null otherwise; a unique index
/// on it lets the database itself refuse a second running experiment, on every provider and every instance.
/// </summary>
public sealed class Experiment
{
    public const int MaxNameLength = 100;
    public const int MaxHypothesisLength = 1000;

    public int Id { get; set; }
    public required string Name { get; set; }
    public string Hypothesis { get; set; } = "";
    public required string Arms { get; set; }
    /// <summary>aov, units-per-order or repeat-rate: the KPI the planned sample is sized for.</summary>
    public required string PrimaryKpi { get; set; }
    /// <summary>The relative change of the primary KPI the experiment should detect (0.05 = 5%).</summary>
    public double MinimumEffect { get; set; }
    /// <summary>Observations of the primary KPI each arm needs (orders, or shoppers for the repeat rate); null when the store's data could not size it.</summary>
    public long? PlannedSamplePerArm { get; set; }
    public DateTime PlannedStart { get; set; }
    public DateTime PlannedEnd { get; set; }
    public ExperimentStatus Status { get; set; }
    public int? RunningSlot { get; set; }
    /// <summary>When it first started: exposure and orders count from here.</summary>
    public DateTime? StartedAt { get; set; }
    /// <summary>When it stopped for good: nothing counts after this.</summary>
    public DateTime? StoppedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}
