namespace MerchDashboard.Data.Entities;

public enum MiningRunStatus
{
    Running = 0,
    Succeeded = 1,
    Failed = 2,
    Cancelled = 3,

    /// <summary>Found Running at start-up or by the next lease holder: its process stopped mid-run (a crash, a kill).</summary>
    Abandoned = 4,
}

/// <summary>
/// One mining job. Its suggestions are written under its id; only when all are written does the run
/// become current, in one transaction, so a failed or cancelled run leaves the previous one serving.
/// </summary>
public sealed class MiningRun
{
    public int Id { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public MiningRunStatus Status { get; set; }
    public bool IsCurrent { get; set; }
    public string Trigger { get; set; } = "";
    public string SettingsJson { get; set; } = "";
    public int Orders { get; set; }
    public int Pairs { get; set; }
    public int Bundles { get; set; }
    public string? Error { get; set; }

    /// <summary>What a successful run gave up to stay within the memory budget (MiningFallback); null when nothing.</summary>
    public string? Warning { get; set; }
}

/// <summary>A mined "frequently bought with" candidate of an anchor, with its statistics and rank.</summary>
public sealed class MinedPair
{
    public long Id { get; set; }
    public int RunId { get; set; }
    public int AnchorProductId { get; set; }
    public int CandidateProductId { get; set; }
    public int Rank { get; set; }
    public int Count { get; set; }
    public double Support { get; set; }
    public double Confidence { get; set; }
    public double Lift { get; set; }
    public double Leverage { get; set; }
    /// <summary>Null when infinite (confidence 1).</summary>
    public double? Conviction { get; set; }
    public double Score { get; set; }
}

/// <summary>A "bought together" bundle: the anchor plus two or three items frequently bought in one order.</summary>
public sealed class MinedBundle
{
    public long Id { get; set; }
    public int RunId { get; set; }
    public int AnchorProductId { get; set; }
    public int Rank { get; set; }
    /// <summary>The other items' product ids, comma-separated, in display order.</summary>
    public string ItemIds { get; set; } = "";
    public int Count { get; set; }
    public double Support { get; set; }
    public double Score { get; set; }
}

/// <summary>Settings changed in the UI, stored as JSON under a key; configuration gives the defaults.</summary>
public sealed class AppSetting
{
    public required string Key { get; set; }
    public string Value { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}
