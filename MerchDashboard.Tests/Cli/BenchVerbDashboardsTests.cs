using System.Text.Json;
using MerchDashboard.Cli;
using MerchDashboard.Engine.Metrics;

namespace MerchDashboard.Tests.Cli;

public class BenchVerbDashboardsTests
{
    [Fact]
    public async Task Bench_DashboardsSmallRun_ReportsEveryStage()
    {
        var (code, stdout, stderr) = await MiningCli.RunAsync("bench", "--dashboards", "--orders", "4000", "--customers", "400", "--products", "200");

        code.ShouldBe(0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        root.GetProperty("orders").GetInt32().ShouldBe(4000);
        root.GetProperty("clvCustomers").GetInt32().ShouldBe(400);
        root.GetProperty("verdicts").GetInt32().ShouldBe(12);
        foreach (var stage in new[] { "buildOrderFactsMs", "crossSellTabMs", "clvFitMs", "personalizationTabWithoutClvMs", "comparisonTabWithoutClvMs" })
        {
            root.GetProperty(stage).GetInt64().ShouldBeGreaterThanOrEqualTo(0);
        }
    }

    [Fact]
    public async Task Bench_MoreCustomersThanOrders_ExitsWithCode2()
    {
        var (code, _, stderr) = await MiningCli.RunAsync("bench", "--dashboards", "--orders", "10", "--customers", "11");

        code.ShouldBe(2);
        stderr.ShouldContain("--customers must be at least 1 and at most --orders");
    }

    [Fact]
    public void Generate_AnySize_GivesEveryCustomerAnOrderAndConsistentSums()
    {
        var data = DashboardBenchData.Generate(orders: 3000, products: 150, customers: 700, seed: 3);

        data.Orders.Length.ShouldBe(3000);
        data.Orders.Select(o => o.CustomerKey).Distinct().Count().ShouldBe(700);
        data.Orders.ShouldAllBe(o => o.Revenue > 0 && o.CrossSellRevenue <= o.Revenue && o.Units >= o.ProductIds!.Length);
        data.Orders.Where(o => o.Arm is Arm.Control or Arm.Personalization).ShouldAllBe(o => o.CrossSellRevenue == 0);
        data.Orders.ShouldAllBe(o => o.PlacedAt >= DashboardBenchData.Start && o.PlacedAt < DashboardBenchData.Start.AddDays(DashboardBenchData.Days));
    }
}
