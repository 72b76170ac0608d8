using MerchDashboard.Data.Entities;

namespace MerchDashboard.Data.Seeding;

/// <summary>What <c>generate-seed</c> builds: the size of the store and the seed that makes it reproducible.</summary>
public sealed record SeedSettings
{
    public const int DefaultSeed = 20241101;
    public const int DefaultCustomers = 9_000;
    public const int DefaultOrders = 42_000;

    public int Seed { get; init; } = DefaultSeed;
    public int Customers { get; init; } = DefaultCustomers;
    public int Orders { get; init; } = DefaultOrders;

    /// <summary>The first day of order history (UTC, inclusive).</summary>
    public DateTime Start { get; init; } = new(2024, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The end of order history (UTC, exclusive): 24 months after <see cref="Start"/>.</summary>
    public DateTime End { get; init; } = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
}

public sealed record SeedCategory(string Code, string Name, string? ParentCode);

/// <summary>
/// A product of the demo store. <see cref="Fit"/> ties accessories to what they fit (a laptop size, a
/// phone model, a printer's cartridge series, a console platform, a battery type); sales happen only
/// between <see cref="SellsFrom"/> and <see cref="SellsUntil"/> when those are set.
/// </summary>
public sealed record SeedProduct(
    int Index, string Sku, string Name, string Brand, string CategoryCode, decimal Price, int Stock, bool Active,
    IReadOnlyList<string> Tags, string? Fit, double Popularity, DateTime? SellsFrom, DateTime? SellsUntil)
{
    public bool SellsAt(DateTime time) => (SellsFrom is null || time >= SellsFrom) && (SellsUntil is null || time < SellsUntil);

    public bool SellsThroughout => SellsFrom is null && SellsUntil is null;
}

public sealed record SeedCustomer(string Id, string Name, string Email, string City, ExperimentArm Arm, DateTime CreatedAt);

public sealed record SeedLine(SeedProduct Product, int Quantity, decimal UnitPrice, string Source);

public sealed record SeedOrder(string Id, string CustomerId, DateTime PlacedAt, IReadOnlyList<SeedLine> Lines);

public sealed record SeedRule(string SourceCategory, string SourceTag, string TargetCategory, string Note);

public sealed record SeedList(string AnchorSku, string Mode, int? LockedTopN, string Note);

public sealed record SeedOverride(string AnchorSku, string Kind, string Sku, int? Position, DateTime? StartsAt, DateTime? ExpiresAt, string Note);

/// <summary>The whole generated store, ready to be written as the files described in seed-data/README.md.</summary>
public sealed record SeedStore(
    IReadOnlyList<SeedCategory> Categories,
    IReadOnlyList<SeedProduct> Products,
    IReadOnlyList<SeedCustomer> Customers,
    IReadOnlyList<SeedOrder> Orders,
    IReadOnlyList<SeedRule> Rules,
    IReadOnlyList<SeedList> Lists,
    IReadOnlyList<SeedOverride> Overrides);
