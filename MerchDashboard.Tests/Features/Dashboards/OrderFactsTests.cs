using MerchDashboard.Engine.Metrics;
using MerchDashboard.Features.Dashboards;

namespace MerchDashboard.Tests.Features.Dashboards;

public class OrderFactsTests
{
    private static readonly DateTime Day = new(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    // products 1 and 2 in leaf 10 under department 100; product 3 in leaf 20 under department 200
    private static readonly OrderFacts Facts = new(
    [
        new OrderSummary(4, 1, Day.AddDays(1), Arm.Control, 10, 1, 0, [3]),
        new OrderSummary(1, 1, Day, Arm.Control, 10, 1, 0, [1]),
        new OrderSummary(2, 2, Day.AddHours(23), Arm.Both, 20, 2, 5, [1, 3]),
        new OrderSummary(3, 3, Day.AddDays(1).AddTicks(-1), Arm.CrossSell, 30, 3, 0, [2]),
        new OrderSummary(5, 2, Day.AddDays(2), Arm.Both, 40, 1, 0, [3]),
    ], new Dictionary<int, (int, int?)> { [1] = (10, 100), [2] = (10, 100), [3] = (20, 200) },
    [new CategoryOption(100, "Dept", null), new CategoryOption(10, "Leaf", 100)], new Dictionary<int, string>());

    private static long[] Keys(DashboardFilter filter) => [.. Facts.Select(filter).Select(o => o.OrderKey)];

    [Fact]
    public void Select_OneDay_IncludesItsFirstAndLastTickOnly()
    {
        var day = DateOnly.FromDateTime(Day);

        Keys(new DashboardFilter(day, day)).ShouldBe([1, 2, 3]);
        Keys(new DashboardFilter(day.AddDays(1), day.AddDays(2))).ShouldBe([4, 5]);
    }

    [Fact]
    public void Select_DepartmentOrLeaf_KeepsOrdersWithAProductOfIt()
    {
        var all = Facts.DefaultFilter(DateOnly.MinValue);

        Keys(all with { CategoryId = 100 }).ShouldBe([1, 2, 3]);
        Keys(all with { CategoryId = 10 }).ShouldBe([1, 2, 3]);
        Keys(all with { CategoryId = 20 }).ShouldBe([2, 4, 5]);
        Keys(all with { CategoryId = 20, Arm = Arm.Both }).ShouldBe([2, 5]);
    }

    [Fact]
    public void DefaultFilter_SpansTheHistory()
    {
        Facts.DefaultFilter(DateOnly.MinValue).ShouldBe(new DashboardFilter(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 3)));
        OrderFacts.Empty.DefaultFilter(new DateOnly(2026, 1, 1)).ShouldBe(new DashboardFilter(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 1)));
    }
}
