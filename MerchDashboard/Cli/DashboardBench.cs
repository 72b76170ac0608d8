using MerchDashboard.Engine.Metrics;
using MerchDashboard.Features.Dashboards;

namespace MerchDashboard.Cli;

/// <summary>
/// <c>bench --dashboards</c>: times the dashboards' computation path (<see cref="OrderFacts"/> and
/// <see cref="DashboardCalculator"/>, what the page runs minus rendering) on <see cref="DashboardBenchData"/>.
/// </summary>
public static class DashboardBench
{
    public static Dictionary<string, object> Run(VerbContext context, int orders, int products, int customers, int seed)
    {
        var figures = new Dictionary<string, object>
        {
            ["orders"] = orders, ["products"] = products, ["customers"] = customers, ["seed"] = seed,
            ["cores"] = Environment.ProcessorCount, ["loadAverage"] = BenchVerb.LoadAverage(),
        };
        var stage = new BenchVerb.StageTimer(figures);
        context.Error.WriteLine("generating the store in memory…");
        var data = stage.Time("generate", () => DashboardBenchData.Generate(orders, products, customers, seed));
        GC.Collect();
        var facts = stage.Time("buildOrderFacts", () => new OrderFacts(data.Orders, data.ProductCategories, data.Categories,
            Enumerable.Range(1, customers).ToDictionary(c => c, c => $"C{c:D7}")));
        var all = facts.DefaultFilter(DateOnly.FromDateTime(DashboardBenchData.Start));
        var narrow = all with { From = all.From.AddDays(180), CategoryId = data.Categories[0].Id, Arm = Arm.CrossSell };
        figures["narrowFilterOrders"] = stage.Time("selectNarrowFilter", () => facts.Select(narrow).Length);

        context.Error.WriteLine("timing the tabs…");
        var crossSell = stage.Time("crossSellTab", () => DashboardCalculator.CrossSell(facts, all, data.Lists));
        figures["siteAttachRate"] = crossSell.SiteAttach.Rate;
        stage.Time("crossSellTabNarrowFilter", () => DashboardCalculator.CrossSell(facts, narrow, data.Lists));
        var clv = stage.Time("clvFit", () => DashboardCalculator.Clv(facts, all));
        figures["clvCustomers"] = clv.Result?.Summary.Customers ?? 0;
        figures["clvConverged"] = clv.Result is { } r && r.BgNbd.Converged && r.GammaGamma.Converged;
        stage.Time("personalizationTabWithoutClv", () => DashboardCalculator.Personalization(facts, all, clv));
        var comparison = stage.Time("comparisonTabWithoutClv", () => DashboardCalculator.Comparison(facts, all, data.Lists, clv));
        figures["verdicts"] = comparison.Verdicts.Count;
        return figures;
    }
}
