using System.ComponentModel.DataAnnotations;

namespace MerchDashboard.Features.Serving;

/// <summary>The budget of <see cref="SnapshotCache"/>: results derived from a snapshot (section <c>SnapshotCache</c>).</summary>
public sealed class SnapshotCacheOptions
{
    public const string Section = "SnapshotCache";

    /// <summary>
    /// Results kept at most (suggestion tables, dashboard facts, attach-rate lists, CLV fits: each counts one).
    /// Past it the cache drops a quarter of its entries, expired and least recently used first, and the next
    /// request recomputes what it needs.
    /// </summary>
    [Range(8, 10_000)]
    public int Entries { get; set; } = 64;

    /// <summary>A result nobody read for this long is dropped, so a superseded snapshot's results do not linger.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Idle { get; set; } = TimeSpan.FromMinutes(10);
}
