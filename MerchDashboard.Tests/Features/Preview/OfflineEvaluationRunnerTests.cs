using MerchDashboard.Engine.Personalization;
using MerchDashboard.Features.Mining;
using MerchDashboard.Features.Preview;
using MerchDashboard.Features.Serving;
using MerchDashboard.Tests.Data.Import;
using MerchDashboard.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Tests.Features.Preview;

public class OfflineEvaluationRunnerTests
{
    [Fact]
    public async Task StartAsync_TinyStore_ScoresTheHeldOutOrderAndDropsTheResultWhenTheSnapshotIsReplaced()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await SqliteTestDatabase.CreateAsync();
        (await database.CreateImporter().ImportAsync(StoreImporterTests.Store(), ct: ct)).Succeeded.ShouldBeTrue();
        using var snapshots = new StoreSnapshotService(new StoreSnapshotLoader(database, TimeProvider.System),
            NullLogger<StoreSnapshotService>.Instance);
        await snapshots.ReloadAllAsync(ct);
        using var runner = new OfflineEvaluationRunner(snapshots,
            new MiningSettingsStore(database, Options.Create(new MiningOptions()), TimeProvider.System), NullLogger<OfflineEvaluationRunner>.Instance);
        var seen = new List<EvaluationStatus>();
        runner.Changed += seen.Add;

        await runner.StartAsync();

        var result = runner.Status.Result.ShouldNotBeNull(runner.Status.Message);
        runner.Status.Running.ShouldBeFalse();
        seen[0].Running.ShouldBeTrue();
        result.SnapshotLoadedAt.ShouldBe(snapshots.Current.LoadedAt);
        // C1's last order (BAT-1) is held out; training is O1 (RC-1, BAT-1 x2) and O2 (RC-2): 3 lines.
        result.Report.HeldOutOrders.ShouldBe(1);
        result.Report.TrainingLines.ShouldBe(3);
        // Best sellers of training: BAT-1 (1 line, 2 units) first, so the held-out item is hit at 5: precision 1/5, recall 1/1.
        result.Report.For(OfflineEvaluator.BestSellerBaseline).At(5).ShouldBe(new MetricsAtK(5, 1, 0.2, 1));
        // Three training orders are below the default minimum count of 5: nothing is mined, nothing is hit.
        result.Report.For(OfflineEvaluator.FrequentlyBoughtWith).At(10).HitRate.ShouldBe(0);

        await snapshots.ReloadAllAsync(ct);

        runner.Status.Result.ShouldBeNull();
        runner.Status.Message.ShouldNotBeNull().ShouldContain("run it again");
    }
}
