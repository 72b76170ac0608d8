namespace MerchDashboard.Cli.Simulation;

/// <summary>What happened in one arm (<c>none</c> when no experiment ran): the simulator's own count, not the server's analysis.</summary>
public sealed class ArmTally
{
    public int Visits { get; set; }
    public int Impressions { get; set; }
    public int Clicks { get; set; }
    public int AddToCarts { get; set; }
    public int Orders { get; set; }
    /// <summary>Orders with at least one item added from a served list.</summary>
    public int OrdersWithListItems { get; set; }
    public decimal Revenue { get; set; }
    public decimal ListRevenue { get; set; }
    public decimal AverageOrderValue => Orders == 0 ? 0 : Math.Round(Revenue / Orders, 2);
    public double ClickThroughRate => Impressions == 0 ? 0 : Math.Round((double)Clicks / Impressions, 4);
    public double ListAttachRate => Orders == 0 ? 0 : Math.Round((double)OrdersWithListItems / Orders, 4);
}

/// <summary>The JSON summary <c>simulate-traffic</c> prints on standard output.</summary>
public sealed record SimulationSummary(
    string Url, int Shoppers, int NewVisitors, int Days, int Seed, int DaysPlayed, bool Cancelled,
    int Visits, int UnknownProducts, int Requests, int Throttled, int EventsSent, int OrdersSent, double ElapsedSeconds,
    ArmTally Total, IReadOnlyDictionary<string, ArmTally> Arms);
