using MerchDashboard.Data.Entities;
using MerchDashboard.Features.Experiments;
using MerchDashboard.Features.Serving;
using MerchDashboard.Tests.Features.Dashboards;
using MerchDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MerchDashboard.Tests.Features.Experiments;

/// <summary>
/// The report over <see cref="DashboardTestStore"/>'s imported orders and stored events, experiment "live" (control 50, cross-sell 50)
/// measured from 2025-01-07 to 2025-12-31:
/// C2 (cross-sell) sees RC-2 on 01-07 and clicks it 01-08 09:00: imported O2 (01-08 10:00, RC-2 50) is attributed to mined; O3 (02-03,
/// 55) is not (no click within 24 h), and its purchase events duplicate the imported order. Visitor v9 (control) clicks BAT-1 03-01 10:10
/// and buys W1 by purchase events at 11:00 (2 BAT-1 = 10, attributed to fallback, and KIT-1 20). C1 (control) sees RC-1 (locked) 03-17
/// 09:00; imported O7 (03-17 10:00, 30) counts; O1 (01-06) precedes the experiment.
/// </summary>
public sealed class ExperimentReportsTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private SqliteTestDatabase _database = default!;
    private ServiceProvider _services = default!;

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        (await _database.CreateImporter().ImportAsync(DashboardTestStore.Files())).Succeeded.ShouldBeTrue();
        _services = new ServiceCollection().AddExperimentTestServices(_database).BuildServiceProvider();
        await _services.GetRequiredService<StoreSnapshotService>().ReloadAllAsync(Ct);
        await _services.GetRequiredService<ExperimentCommands>().CreateAsync(ExperimentTestServices.Draft("live", "control=50,cross-sell=50"), "m", Ct);
        await using var db = _database.CreateDbContext();
        var experiment = await db.Experiments.SingleAsync(Ct);
        (experiment.Status, experiment.StartedAt, experiment.StoppedAt) = (ExperimentStatus.Stopped, Utc("2025-01-07T00:00"), Utc("2025-12-31T00:00"));
        var products = await db.Products.ToDictionaryAsync(p => p.Sku, p => p.Id, Ct);
        StorefrontEvent Event(StorefrontEventType type, string? customer, string? visitor, ExperimentArm arm, string at, string sku, string source,
            string? order = null, int quantity = 0, decimal revenue = 0) => new()
        {
            Type = type, CustomerId = customer, VisitorId = visitor, ExperimentId = experiment.Id, Arm = arm, At = Utc(at), ReceivedAt = Utc(at),
            RecommendationId = "r", ProductId = products[sku], Slot = 1, Source = source, OrderId = order, Quantity = quantity, Revenue = revenue,
        };
        db.StorefrontEvents.AddRange(
            Event(StorefrontEventType.Impression, "C2", "v2", ExperimentArm.CrossSell, "2025-01-07T12:00", "RC-2", "mined"),
            Event(StorefrontEventType.Click, "C2", null, ExperimentArm.CrossSell, "2025-01-08T09:00", "RC-2", "mined"),
            Event(StorefrontEventType.Purchase, "C2", null, ExperimentArm.CrossSell, "2025-02-03T10:00", "RC-2", "mined", "O3", 1, 50),
            Event(StorefrontEventType.Impression, null, "v9", ExperimentArm.Control, "2025-03-01T10:00", "BAT-1", "fallback"),
            Event(StorefrontEventType.Click, null, "v9", ExperimentArm.Control, "2025-03-01T10:10", "BAT-1", "fallback"),
            Event(StorefrontEventType.Purchase, null, "v9", ExperimentArm.Control, "2025-03-01T11:00", "BAT-1", "fallback", "W1", 2, 10),
            Event(StorefrontEventType.Purchase, null, "v9", ExperimentArm.Control, "2025-03-01T11:00", "KIT-1", "fallback", "W1", 1, 20),
            Event(StorefrontEventType.Impression, "C1", null, ExperimentArm.Control, "2025-03-17T09:00", "RC-1", "locked"));
        await db.SaveChangesAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static DateTime Utc(string text) => DateTime.SpecifyKind(DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

    [Fact]
    public async Task Report_ImportedOrdersAndPurchaseEvents_LinkedAndAttributedAsHandComputed()
    {
        var (report, error) = await _services.GetRequiredService<ExperimentReports>().ReportAsync("live", Ct);

        error.ShouldBeNull();
        report!.Arms.ShouldBe(
        [
            new ArmRow("control", 50, ShoppersExposed: 2, Orders: 2, Revenue: 60m, Units: 4, Impressions: 2, Clicks: 1, AddToCarts: 0, AttributedRevenue: 10m, AttributedLines: 1),
            new ArmRow("cross-sell", 50, ShoppersExposed: 1, Orders: 2, Revenue: 105m, Units: 3, Impressions: 1, Clicks: 1, AddToCarts: 0, AttributedRevenue: 50m, AttributedLines: 1),
        ]);
        var aov = report.Kpis.Single(k => k.Kpi == "aov");
        aov.Arms.Select(a => a.Value).ShouldBe([30.0, 52.5]);
        aov.Arms[1].Difference.ShouldBe(22.5);
        report.Kpis.Single(k => k.Kpi == "repeat-rate").Arms.Select(a => a.Value).ShouldBe([0.0, 1.0]);
        report.Sources.Select(s => (s.Source, s.Impressions, s.Clicks, s.AttributedRevenue))
            .ShouldBe([("fallback", 1L, 1L, 10m), ("locked", 1L, 0L, 0m), ("mined", 1L, 1L, 50m)]);
        report.Warnings.ShouldContain(w => w.StartsWith("Control has 2 of the 1,340 orders planned", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Report_Twice_SecondServedFromTheSnapshotCacheWithoutRefittingClv()
    {
        var reports = _services.GetRequiredService<ExperimentReports>();
        var cache = _services.GetRequiredService<SnapshotCache>();
        var (first, _) = await reports.ReportAsync("live", Ct);
        var missesAfterFirst = cache.Statistics!.TotalMisses;
        var hitsAfterFirst = cache.Statistics!.TotalHits;

        var (second, _) = await reports.ReportAsync("live", Ct);

        cache.Statistics!.TotalMisses.ShouldBe(missesAfterFirst, "order facts, lists and the CLV fit are all cached");
        cache.Statistics!.TotalHits.ShouldBeGreaterThanOrEqualTo(hitsAfterFirst + 3);
        var clv = second!.Kpis.Single(k => k.Kpi == "predicted-clv-12-months").Arms.Select(a => a.Value);
        clv.ShouldBe(first!.Kpis.Single(k => k.Kpi == "predicted-clv-12-months").Arms.Select(a => a.Value));
    }

    [Fact]
    public async Task Report_OrdersPlacedAfterTheSnapshotLoaded_WarnsThatTheClvFitDoesNotHoldThemYet()
    {
        var loadedAt = _services.GetRequiredService<StoreSnapshotService>().Current.LoadedAt;
        await _services.GetRequiredService<ExperimentCommands>().CreateAsync(ExperimentTestServices.Draft("recent", "control=50,both=50"), "m", Ct);
        await using (var db = _database.CreateDbContext())
        {
            var experiment = await db.Experiments.SingleAsync(e => e.Name == "recent", Ct);
            (experiment.Status, experiment.StartedAt, experiment.StoppedAt) = (ExperimentStatus.Stopped, loadedAt.AddMinutes(-10), loadedAt.AddMinutes(30));
            var product = await db.Products.Where(p => p.Sku == "BAT-1").Select(p => p.Id).SingleAsync(Ct);
            StorefrontEvent Event(StorefrontEventType type, int minutes, string? order = null) => new()
            {
                Type = type, VisitorId = "v-recent", ExperimentId = experiment.Id, Arm = ExperimentArm.Control, At = loadedAt.AddMinutes(minutes),
                ReceivedAt = loadedAt.AddMinutes(minutes), RecommendationId = "r", ProductId = product, Slot = 1, Source = "fallback",
                OrderId = order, Quantity = order is null ? 0 : 1, Revenue = order is null ? 0 : 5,
            };
            db.StorefrontEvents.AddRange(Event(StorefrontEventType.Impression, 1), Event(StorefrontEventType.Purchase, 2, "W-recent"));
            await db.SaveChangesAsync(Ct);
        }

        var (recent, _) = await _services.GetRequiredService<ExperimentReports>().ReportAsync("recent", Ct);
        var (live, _) = await _services.GetRequiredService<ExperimentReports>().ReportAsync("live", Ct);

        recent!.Arms.Single(a => a.Arm == "control").Orders.ShouldBe(1);
        recent.Warnings.ShouldContain(w => w.StartsWith("Predicted CLV is fitted on the orders loaded at", StringComparison.Ordinal) && w.Contains(": 1 orders of exposed shoppers"));
        live!.Warnings.ShouldNotContain(w => w.StartsWith("Predicted CLV is fitted", StringComparison.Ordinal), "the live experiment's orders all precede the snapshot");
    }

    [Fact]
    public async Task Csv_Report_NamedColumnsAndRoundedNumbers()
    {
        var (report, _) = await _services.GetRequiredService<ExperimentReports>().ReportAsync("live", Ct);

        var lines = ExperimentCsv.Write(report!).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        lines[0].ShouldBe(string.Join(',', ExperimentCsv.Header));
        // Cross-sell 50 and 55: s² = 12.5, t(0.975, 1) × √(12.5 / 2) = 31.7655; control 30 and 30 has no variance, so Welch has 1 degree of freedom.
        lines.ShouldContain("kpi,live,aov,cross-sell,52.5,20.7345,84.2655,2,22.5,-9.2655,54.2655,0.75,no,,,,,");
        lines.ShouldContain("source,live,ctr,,1,0.2065,1,1,,,,,,fallback,1,1,1,10");
    }

    [Fact]
    public async Task Report_UnknownExperiment_MessageNamesIt()
    {
        var (report, error) = await _services.GetRequiredService<ExperimentReports>().ReportAsync("nope", Ct);

        report.ShouldBeNull();
        error.ShouldBe("There is no experiment named 'nope'.");
    }
}
