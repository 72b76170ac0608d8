using MerchDashboard.Engine.Metrics;

namespace MerchDashboard.Tests.Engine.Metrics;

/// <summary>
/// Nine orders small enough to compute every KPI by hand. Products: 1 camera, 2 memory card, 3 case, 4 toy car,
/// 5 batteries, 6 unrelated. FBW lists: 1 → {2, 3}, 2 → {1}, 4 → {5}; 3, 5 and 6 have none.
/// 2024-01-01 is a Monday (ISO week 1 of 2024); the data end 2024-05-01 is exclusive.
/// </summary>
internal static class HandMadeOrders
{
    public static readonly DateTime DataEnd = new(2024, 5, 1, 0, 0, 0, DateTimeKind.Utc);

    public static readonly FrequentlyBoughtWith Lists = FrequentlyBoughtWith.From(new Dictionary<int, int[]>
    {
        [1] = [2, 3],
        [2] = [1],
        [4] = [5],
    });

    public static readonly OrderSummary[] Orders =
    [
        new(1, 10, At(1, 1), Arm.Control, 100, 2, 0, [1, 2]),
        new(2, 10, At(1, 3), Arm.Control, 50, 1, 0, [6]),
        new(3, 11, At(1, 5), Arm.CrossSell, 120, 3, 20, [1, 3, 5]),
        new(4, 12, At(1, 8), Arm.CrossSell, 80, 2, 30, [4, 5]),
        new(5, null, At(1, 9), Arm.Control, 40, 1, 0, [4]),
        new(6, 11, At(2, 10), Arm.CrossSell, 60, 2, 0, [2, 6]),
        new(7, 10, At(3, 15), Arm.Control, 90, 3, 10, [1]),
        new(8, 13, At(2, 20), Arm.Personalization, 70, 1, 0, [6]),
        new(9, 12, At(4, 20), Arm.CrossSell, 30, 1, 0, [5]),
    ];

    public static DateTime At(int month, int day) => new(2024, month, day, 10, 0, 0, DateTimeKind.Utc);
}
