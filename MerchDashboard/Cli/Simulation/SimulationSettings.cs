namespace MerchDashboard.Cli.Simulation;

/// <summary>
/// What <c>simulate-traffic</c> plays and its bounds. The run makes at most <see cref="MaxRequestsPerSecond"/>
/// requests a second (past it, requests wait their turn), retries a 429 at most <see cref="MaxRetries"/> times
/// after the server's Retry-After (capped at <see cref="MaxRetryWait"/>), then stops with an error.
/// </summary>
public sealed record SimulationSettings
{
    public const int MaxShoppers = 100_000;
    public const int MaxDays = 365;
    public const int MaxRate = 10_000;

    public int Shoppers { get; init; } = 200;
    public int Days { get; init; } = 14;
    public int Seed { get; init; } = 1;

    /// <summary>Share of the shoppers who are new visitors (a visitor id, no customer id) rather than demo customers.</summary>
    public double NewVisitorShare { get; init; } = 0.2;

    /// <summary>Items asked for in each list (the API's limit parameter).</summary>
    public int ListLength { get; init; } = 4;

    public int MaxRequestsPerSecond { get; init; } = 8;
    public int MaxRetries { get; init; } = 5;
    public TimeSpan MaxRetryWait { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Product pages a shopper views per purchase they would make: their chance of a visit on a day is their purchase rate times this (0.02 to 0.5).</summary>
    public double BrowsesPerPurchase { get; init; } = 20;

    /// <summary>Orders per POST /api/v1/orders; the day's orders are sent at its end in batches of this size.</summary>
    public int OrderBatchSize { get; init; } = 100;

    /// <summary>Reasons the settings cannot run, naming the option; empty when they can.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Shoppers is < 1 or > MaxShoppers)
        {
            problems.Add($"--shoppers must be between 1 and {MaxShoppers:N0}.");
        }
        if (Days is < 1 or > MaxDays)
        {
            problems.Add($"--days must be between 1 and {MaxDays}.");
        }
        if (NewVisitorShare is < 0 or > 1)
        {
            problems.Add("--new-visitor-share must be between 0 and 1.");
        }
        if (ListLength is < 1 or > 20)
        {
            problems.Add("--list-length must be between 1 and 20.");
        }
        if (MaxRequestsPerSecond is < 1 or > MaxRate)
        {
            problems.Add($"--max-requests-per-second must be between 1 and {MaxRate:N0}.");
        }
        return problems;
    }
}
