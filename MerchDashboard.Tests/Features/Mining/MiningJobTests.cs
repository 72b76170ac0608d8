using MerchDashboard.Data.Entities;
using MerchDashboard.Data.Import;
using MerchDashboard.Engine.Mining;
using MerchDashboard.Features.Mining;
using MerchDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Tests.Features.Mining;

public sealed class MiningJobTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = null!;
    private MiningJob _job = null!;
    private MiningSettingsStore _settings = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        // Six orders: the car and batteries together four times, the crawler twice alone.
        const string orders = """
            order_id,customer_id,ordered_at,sku,quantity,unit_price
            O1,C1,2025-01-01,RC-1,1,29.99
            O1,C1,2025-01-01,BAT-1,1,7.99
            O2,C2,2025-01-02,RC-1,1,29.99
            O2,C2,2025-01-02,BAT-1,2,7.99
            O3,C1,2025-01-03,RC-1,1,29.99
            O3,C1,2025-01-03,BAT-1,1,7.99
            O4,C2,2025-01-04,RC-1,1,29.99
            O4,C2,2025-01-04,BAT-1,1,7.99
            O5,C1,2025-01-05,RC-2,1,49.50
            O6,C2,2025-01-06,RC-2,1,49.50
            """;
        var files = Tests.Data.Import.StoreImporterTests.Store(orders: orders);
        (await _database.CreateImporter().ImportAsync(files)).Succeeded.ShouldBeTrue();
        _settings = new MiningSettingsStore(_database, Options.Create(new MiningOptions { MinCount = 2, MinLift = 1, MinConfidence = 0 }), TimeProvider.System);
        _job = new MiningJob(_database, new SqliteBulkWriter(), _settings, TimeProvider.System, NullLogger<MiningJob>.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        _job.Dispose();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task RunAsync_SmallStore_WritesPairsWithHandComputedStatistics()
    {
        var outcome = await _job.RunAsync("test", CancellationToken.None);

        outcome.Succeeded.ShouldBeTrue(outcome.Message);
        await using var db = _database.CreateDbContext();
        var ids = await db.Products.ToDictionaryAsync(p => p.Sku, p => p.Id);
        var carToBatteries = await db.MinedPairs.SingleAsync(p => p.AnchorProductId == ids["RC-1"] && p.CandidateProductId == ids["BAT-1"]);
        // N = 6 orders; car in 4, batteries in 4, both in 4: support 4/6, confidence 1, lift 1 / (4/6) = 1.5.
        carToBatteries.Count.ShouldBe(4);
        carToBatteries.Support.ShouldBe(4 / 6.0, 1e-12);
        carToBatteries.Confidence.ShouldBe(1.0, 1e-12);
        carToBatteries.Lift.ShouldBe(1.5, 1e-12);
        carToBatteries.Conviction.ShouldBeNull("infinite when confidence is 1");
        var run = await db.MiningRuns.SingleAsync();
        (run.IsCurrent, run.Status, run.Orders).ShouldBe((true, MiningRunStatus.Succeeded, 6));
    }

    [Fact]
    public async Task RunAsync_FailingRun_LeavesThePreviousSuggestionsServing()
    {
        (await _job.RunAsync("first", CancellationToken.None)).Succeeded.ShouldBeTrue();
        _job.BeforeSwap = _ => throw new InvalidOperationException("disk full");

        var outcome = await _job.RunAsync("second", CancellationToken.None);

        outcome.Succeeded.ShouldBeFalse();
        outcome.Message.ShouldContain("disk full");
        await using var db = _database.CreateDbContext();
        var runs = await db.MiningRuns.OrderBy(r => r.Id).ToListAsync();
        runs.Select(r => (r.Status, r.IsCurrent)).ShouldBe([(MiningRunStatus.Succeeded, true), (MiningRunStatus.Failed, false)]);
        (await db.MinedPairs.Select(p => p.RunId).Distinct().ToListAsync()).ShouldBe([runs[0].Id]);
        _job.Status.LastOutcome!.ShouldContain("previous suggestions keep serving");
    }

    [Fact]
    public async Task RunAsync_Cancelled_LeavesThePreviousSuggestionsServing()
    {
        (await _job.RunAsync("first", CancellationToken.None)).Succeeded.ShouldBeTrue();
        using var cts = new CancellationTokenSource();
        _job.BeforeSwap = async ct =>
        {
            await cts.CancelAsync();
            ct.ThrowIfCancellationRequested();
        };

        var outcome = await _job.RunAsync("second", cts.Token);

        outcome.Succeeded.ShouldBeFalse();
        await using var db = _database.CreateDbContext();
        (await db.MiningRuns.SingleAsync(r => r.IsCurrent)).Trigger.ShouldBe("first");
        (await db.MiningRuns.SingleAsync(r => !r.IsCurrent)).Status.ShouldBe(MiningRunStatus.Cancelled);
    }

    [Fact]
    public async Task Dispose_DuringABackgroundRun_CancelsItAndRecordsItsEndBeforeReturning()
    {
        (await _job.RunAsync("first", CancellationToken.None)).Succeeded.ShouldBeTrue();
        var reachedSwap = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _job.BeforeSwap = async ct =>
        {
            reachedSwap.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
        };
        _job.TryStart("background").ShouldBeTrue();
        await reachedSwap.Task.WaitAsync(TimeSpan.FromSeconds(30));

        _job.Dispose();

        await using var db = _database.CreateDbContext();
        (await db.MiningRuns.SingleAsync(r => r.IsCurrent)).Trigger.ShouldBe("first");
        (await db.MiningRuns.SingleAsync(r => r.Trigger == "background")).Status.ShouldBe(MiningRunStatus.Cancelled,
            "shutdown cancels the run and waits until its end is recorded, while the database is still there");
    }

    [Fact]
    public async Task SaveAsync_InvalidSettings_RefusedWithReasons()
    {
        var reasons = await _settings.SaveAsync(new MiningSettings { MinSupport = 1.5, MaxLength = 11, ListSize = 0 }, "admin");

        reasons.Count.ShouldBe(3);
        reasons.ShouldContain(r => r.Contains("minimum support"));
        (await _settings.GetAsync()).MinCount.ShouldBe(2, "the configured defaults still apply");
    }
}
