namespace MerchDashboard.Engine.Metrics;

/// <summary>The experiment arm of a customer, mirrored here so the engine does not depend on the data model.</summary>
public enum Arm
{
    Control = 0,
    CrossSell = 1,
    Personalization = 2,
    Both = 3,
}

/// <summary>
/// One order as the metrics need it: <see cref="Revenue"/> = Σ quantity × unit price of its lines,
/// <see cref="CrossSellRevenue"/> and <see cref="PersonalizedRevenue"/> the parts from lines with source cross-sell and
/// personalized (the rest is organic), and, for attach rates only, the distinct product ids of its lines (null when
/// not loaded). Times are UTC.
/// </summary>
public readonly record struct OrderSummary(
    long OrderKey,
    int? CustomerKey,
    DateTime PlacedAt,
    Arm Arm,
    decimal Revenue,
    int Units,
    decimal CrossSellRevenue,
    int[]? ProductIds = null,
    decimal PersonalizedRevenue = 0)
{
    public ReadOnlySpan<int> Products => ProductIds;
}
