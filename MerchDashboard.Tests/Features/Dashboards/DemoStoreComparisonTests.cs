using MerchDashboard.Data.Import;
using MerchDashboard.Engine.Metrics;
using MerchDashboard.Features.Dashboards;
using MerchDashboard.Features.Serving;
using MerchDashboard.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace MerchDashboard.Tests.Features.Dashboards;

/// <summary>The demo store imported once for the class, with the dashboard services over it.</summary>
public sealed class DemoStoreFixture : IAsyncLifetime
{
    private SqliteTestDatabase _database = default!;
    private ServiceProvider _services = default!;

    public DashboardQueries Queries { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        var report = await _database.CreateImporter().ImportAsync(StoreFiles.FromFolder(RepositoryPaths.SeedData));
        report.Succeeded.ShouldBeTrue(string.Join("\n", report.Problems));
        _services = new ServiceCollection().AddDashboardServices(_database).BuildServiceProvider();
        await _services.GetRequiredService<StoreSnapshotService>().ReloadAllAsync();
        Queries = _services.GetRequiredService<DashboardQueries>();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }
}

/// <summary>The effects planted in the demo store (seed-data/README.md) must come out of the comparison tab.</summary>
public class DemoStoreComparisonTests(DemoStoreFixture demo) : IClassFixture<DemoStoreFixture>
{
    private async Task<ComparisonFigures> ComparisonAsync()
    {
        var facts = await demo.Queries.FactsAsync();
        return await demo.Queries.ComparisonAsync(facts, facts.DefaultFilter(new DateOnly(2026, 11, 25)));
    }

    private static ArmDifference Versus(ComparisonFigures figures, Kpi kpi, Arm arm) =>
        figures.Kpis.Single(k => k.Kpi == kpi).VersusControl.Single(d => d.Arm == arm);

    private static double Value(ComparisonFigures figures, Kpi kpi, Arm arm) => figures.Kpis.Single(k => k.Kpi == kpi).For(arm)!.Value;

    [Fact]
    public async Task Comparison_DemoStore_CrossSellArmsLeadOnAverageOrderValue()
    {
        var figures = await ComparisonAsync();

        figures.Kpis.Single(k => k.Kpi == Kpi.AverageOrderValue).Arms.Select(a => a.Arm).ShouldBe(Enum.GetValues<Arm>());
        foreach (var arm in new[] { Arm.CrossSell, Arm.Both })
        {
            Versus(figures, Kpi.AverageOrderValue, arm).Difference.ShouldBeGreaterThan(0);
            Versus(figures, Kpi.AverageOrderValue, arm).Significant.ShouldBeTrue();
        }
        Value(figures, Kpi.AverageOrderValue, Arm.CrossSell).ShouldBeGreaterThan(Value(figures, Kpi.AverageOrderValue, Arm.Personalization));
        figures.Verdicts.ShouldContain(v => v.StartsWith("Cross-sell leads on average order value", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Comparison_DemoStore_PersonalizationArmsLeadOnRepeatRateAndPredictedValue()
    {
        var figures = await ComparisonAsync();

        foreach (var kpi in new[] { Kpi.RepeatRate90Days, Kpi.PredictedValue12Months })
        {
            foreach (var arm in new[] { Arm.Personalization, Arm.Both })
            {
                Versus(figures, kpi, arm).Difference.ShouldBeGreaterThan(0, $"{arm} on {kpi}");
                Versus(figures, kpi, arm).Significant.ShouldBeTrue($"{arm} on {kpi}");
            }
            Value(figures, kpi, Arm.Personalization).ShouldBeGreaterThan(Value(figures, kpi, Arm.CrossSell), kpi.ToString());
        }
        figures.Verdicts.ShouldContain(v => v.StartsWith("Personalization leads on predicted 12-month value", StringComparison.Ordinal));
    }
}
