using System.ComponentModel.DataAnnotations;

namespace MerchDashboard.Features.Experiments;

/// <summary>Experiments on live traffic (appsettings section "Experiments").</summary>
public sealed class ExperimentOptions
{
    public const string Section = "Experiments";

    /// <summary>A purchased line is attributed to a slot the shopper clicked at most this many hours before the order.</summary>
    [Range(1, 24 * 30)]
    public int AttributionWindowHours { get; set; } = 24;

    /// <summary>
    /// How often each instance re-reads which experiment runs, so that a start or stop made on another instance
    /// (or by the command line) reaches its storefront answers within this many seconds; the instance that made
    /// the change applies it at once.
    /// </summary>
    [Range(1, 3600)]
    public int RefreshSeconds { get; set; } = 5;

    /// <summary>
    /// The most events one report reads into memory (about 100 bytes each). A larger experiment's report is refused
    /// with a message naming this option rather than exhausting memory.
    /// </summary>
    [Range(1_000, 100_000_000)]
    public int MaxReportEvents { get; set; } = 5_000_000;

    /// <summary>The relative effect the page proposes for the sample size before starting (0.05 = 5%).</summary>
    [Range(0.001, 10)]
    public double DefaultMinimumEffect { get; set; } = 0.05;
}
