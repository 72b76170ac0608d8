using MerchDashboard.Engine.Metrics;

namespace MerchDashboard.Tests.Engine.Metrics;

/// <summary>
/// Six orders of a store without an experiment (every order in the default arm), 2024-01-01 (a Monday) to
/// 2024-01-14. Revenue by source per order: organic / cross-sell / personalized.
/// Week of Jan 1: O1 100 = 80/20/0, O2 50 = 50/0/0, O3 30 = 20/0/10. Week of Jan 8: O4 120 = 60/30/30, O5 40 = 40/0/0,
/// O6 80 = 50/30/0.
/// </summary>
internal static class WithoutExperimentOrders
{
    public static readonly DateOnly From = new(2024, 1, 1);
    public static readonly DateOnly To = new(2024, 1, 14);

    public static readonly OrderSummary[] Orders =
    [
        Order(1, 1, 100, 20, 0),
        Order(2, 3, 50, 0, 0),
        Order(3, 6, 30, 0, 10),
        Order(4, 8, 120, 30, 30),
        Order(5, 10, 40, 0, 0),
        Order(6, 13, 80, 30, 0),
    ];

    private static OrderSummary Order(long key, int day, decimal revenue, decimal crossSell, decimal personalized) =>
        new(key, (int)key, new DateTime(2024, 1, day, 10, 0, 0, DateTimeKind.Utc), Arm.Control, revenue, 1, crossSell, [1], personalized);
}
