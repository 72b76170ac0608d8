using System.Text;
using MerchDashboard.Data.Entities;
using MerchDashboard.Data.Import;
using MerchDashboard.Features.Mining;
using MerchDashboard.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MerchDashboard.Tests.Features.Mining;

/// <summary>Issue 15 item 2 and issue 16 item 11: injected faults never lose the serving run, never leave the job stuck (a failing reload: PipelineCoordinatorTests).</summary>
public sealed class MiningJobFaultTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
    private SqliteTestDatabase _database = null!;
    private MiningJob _job = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        (await _database.CreateImporter().ImportAsync(Tests.Data.Import.StoreImporterTests.Store(orders: Orders(6, 4, "RC-1", "BAT-1")))).Succeeded.ShouldBeTrue();
        _job = NewJob(new MiningOptions { MinCount = 2, MinLift = 1, MinConfidence = 0 });
    }

    public async ValueTask DisposeAsync()
    {
        _job.Dispose();
        await _database.DisposeAsync();
    }

    private MiningJob NewJob(MiningOptions options) =>
        new(_database, new SqliteBulkWriter(), new MiningSettingsStore(_database, Options.Create(options), _time), _time, NullLogger<MiningJob>.Instance);

    /// <summary>A generic orders CSV: <paramref name="orders"/> orders, each of the first <paramref name="lines"/> SKUs.</summary>
    internal static string Orders(int orders, int lines, params string[] skus)
    {
        var csv = new StringBuilder("order_id,customer_id,ordered_at,sku,quantity,unit_price\n");
        for (var o = 0; o < orders; o++)
        {
            foreach (var sku in skus.Take(lines))
            {
                csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"O{o},C{o % 7},2025-01-{1 + (o % 28):D2},{sku},1,9.99\n");
            }
        }
        return csv.ToString();
    }

    private async Task<List<MiningRun>> RunsAsync()
    {
        await using var db = _database.CreateDbContext();
        return await db.MiningRuns.OrderBy(r => r.Id).ToListAsync();
    }

    private async Task<List<int>> RunsWithPairsAsync()
    {
        await using var db = _database.CreateDbContext();
        return await db.MinedPairs.Select(p => p.RunId).Distinct().OrderBy(id => id).ToListAsync();
    }

    [Fact]
    public async Task RunAsync_LeaseRenewalThrows_RunSucceedsAndTheNextStarts()
    {
        var renewalTried = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _job.Lease.BeforeCommand = command =>
        {
            if (command == "renew")
            {
                renewalTried.TrySetResult();
                throw new SqliteException("database is locked", 5);
            }
            return Task.CompletedTask;
        };
        _job.BeforeSwap = async _ =>
        {
            _time.Advance(MiningLease.Duration / 4 + TimeSpan.FromSeconds(1));
            await renewalTried.Task.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
        };

        (await _job.RunAsync("first", CancellationToken.None)).Succeeded.ShouldBeTrue();
        _job.BeforeSwap = null;

        (await _job.RunAsync("second", CancellationToken.None)).Succeeded.ShouldBeTrue();
        (await RunsAsync()).Single(r => r.IsCurrent).Trigger.ShouldBe("second");
    }

    [Fact]
    public async Task RunAsync_LeaseReleaseThrows_GateFreedAndTheNextRunStarts()
    {
        _job.Lease.BeforeCommand = command => command == "release" ? throw new SqliteException("disk I/O error", 10) : Task.CompletedTask;

        (await _job.RunAsync("first", CancellationToken.None)).Succeeded.ShouldBeTrue();
        var second = await _job.RunAsync("second", CancellationToken.None);

        second.Succeeded.ShouldBeTrue(second.Message);
        _job.Status.Running.ShouldBeFalse();
        (await RunsAsync()).Single(r => r.IsCurrent).Trigger.ShouldBe("second");
    }

    [Fact]
    public async Task RecoverInterruptedRunsAsync_RunLeftRunningByADeadProcess_AbandonedAndTheNextRunStarts()
    {
        (await _job.RunAsync("first", CancellationToken.None)).Succeeded.ShouldBeTrue();
        var now = _time.GetUtcNow().UtcDateTime;
        await using (var db = _database.CreateDbContext())
        {
            db.MiningRuns.Add(new MiningRun { StartedAt = now, Status = MiningRunStatus.Running, Trigger = "killed" });
            await db.SaveChangesAsync();
            // The killed process held an unexpired lease: same machine, a process id that no longer runs.
            await db.AppSettings.Where(s => s.Key == MiningLease.Key).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.UpdatedBy, $"{Environment.MachineName}/{int.MaxValue}/dead").SetProperty(x => x.UpdatedAt, now.AddMinutes(1)));
        }
        using var restarted = NewJob(new MiningOptions { MinCount = 2, MinLift = 1, MinConfidence = 0 });

        var abandoned = await restarted.RecoverInterruptedRunsAsync(CancellationToken.None);
        var next = await restarted.RunAsync("after restart", CancellationToken.None);

        abandoned.Count.ShouldBe(1);
        next.Succeeded.ShouldBeTrue(next.Message);
        var runs = await RunsAsync();
        var killed = runs.Single(r => r.Trigger == "killed");
        (killed.Status, killed.IsCurrent, killed.FinishedAt).ShouldBe((MiningRunStatus.Abandoned, false, now));
        killed.Error.ShouldNotBeNull().ShouldContain("Interrupted");
        runs.Single(r => r.IsCurrent).Trigger.ShouldBe("after restart");
    }

    [Fact]
    public async Task RecoverInterruptedRunsAsync_LeaseHeldByAnotherMachine_LeavesItsRunAlone()
    {
        var now = _time.GetUtcNow().UtcDateTime;
        await using (var db = _database.CreateDbContext())
        {
            db.MiningRuns.Add(new MiningRun { StartedAt = now, Status = MiningRunStatus.Running, Trigger = "elsewhere" });
            db.AppSettings.Add(new AppSetting { Key = MiningLease.Key, Value = "running", UpdatedBy = "other-host/1/abc", UpdatedAt = now.AddMinutes(1) });
            await db.SaveChangesAsync();
        }

        (await _job.RecoverInterruptedRunsAsync(CancellationToken.None)).ShouldBeEmpty();

        (await RunsAsync()).Single().Status.ShouldBe(MiningRunStatus.Running);
        (await _job.RunAsync("here", CancellationToken.None)).Message.ShouldBe(MiningJob.RunningElsewhere);
    }

    [Fact]
    public async Task RunAsync_CancelledWhileCountingPairs_PreviousRunStaysCurrent()
    {
        (await _job.RunAsync("first", CancellationToken.None)).Succeeded.ShouldBeTrue();
        var stages = new List<string>();
        _job.StatusChanged += status =>
        {
            stages.Add(status.Stage);
            if (status.Stage == "Counting pairs")
            {
                _job.Cancel();
            }
        };

        var outcome = await _job.RunAsync("second", CancellationToken.None);

        outcome.Message.ShouldStartWith("Cancelled");
        stages.ShouldContain("Reading orders");
        stages.ShouldContain("Encoding baskets");
        var runs = await RunsAsync();
        runs.Select(r => (r.Trigger, r.Status, r.IsCurrent)).ShouldBe([("first", MiningRunStatus.Succeeded, true), ("second", MiningRunStatus.Cancelled, false)]);
        (await RunsWithPairsAsync()).ShouldBe([runs[0].Id]);
    }

    [Fact]
    public async Task TryStart_TriggersDuringARun_CoalescedIntoOneFollowUp()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var swaps = 0;
        _job.BeforeSwap = async _ =>
        {
            if (Interlocked.Increment(ref swaps) == 1)
            {
                await release.Task;
            }
        };

        _job.TryStart("import 1").ShouldBeTrue();
        await WaitUntilAsync(() => Volatile.Read(ref swaps) == 1);
        _job.TryStart("import 2").ShouldBeFalse("queued behind the running one");
        _job.TryStart("import 3").ShouldBeFalse("coalesced into the same follow-up");
        release.SetResult();

        await WaitUntilAsync(() => Volatile.Read(ref swaps) == 2 && !_job.Status.Running);
        await Task.Delay(300);
        var runs = await RunsAsync();
        runs.Select(r => r.Trigger).ShouldBe(["import 1", "import 3"]);
        runs.Single(r => r.IsCurrent).Trigger.ShouldBe("import 3");
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(50);
        }
        condition().ShouldBeTrue();
    }
}
