using MerchDashboard.Data.Entities;
using MerchDashboard.Data.Import.Cleaning;

namespace MerchDashboard.Data.Import.Streaming;

/// <summary>
/// What the streamed import keeps of one order between its readings of the file: counts and sums, never its lines. Only
/// the lines a cancellation or return may subtract from (candidates) are held, in <see cref="Order"/>'s lines, from the
/// second reading until the returns are matched.
/// </summary>
internal sealed class OrderSummary(int rank, CleanOrder order)
{
    /// <summary>Where the order's first line stands among the orders' first lines: the order the reference reader keeps them in.</summary>
    public int Rank { get; } = rank;

    /// <summary>The order's id, customer, time and first line, as <see cref="ReturnMatcher"/> needs them.</summary>
    public CleanOrder Order { get; } = order;

    /// <summary>The file line of the order's last product line: where the writing pass has the order whole.</summary>
    public long LastLine { get; set; }

    public int RawLines { get; set; }
    public long RawUnits { get; set; }
    public decimal RawRevenue { get; set; }

    /// <summary>Whether the database holds this order already: it is counted, never written.</summary>
    public bool Duplicate { get; set; }

    // The second reading: the distinct SKUs of the lines no return can touch, and which candidates' SKUs are among them.
    public int DistinctOutsideCandidates { get; set; }
    public HashSet<string>? CandidateSkusOutside { get; set; }
    public (long Line, string Sku)? FirstUnknownSku { get; set; }

    // After matching the returns.
    public int ZeroedLines { get; set; }
    public long Units { get; set; }
    public decimal Revenue { get; set; }
    public int DistinctSkus { get; set; }
    public int KeptLines => RawLines - ZeroedLines;
    public bool ExcludedFromMining { get; set; }

    // The plan: ids and customer, set when the order is to be written.
    public long Id { get; set; }
    public long FirstLineId { get; set; }
    public int? CustomerId { get; set; }
    public ExperimentArm Arm { get; set; }
}
