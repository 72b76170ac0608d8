using MerchDashboard.Data.Entities;
using MerchDashboard.Features.Pipeline;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Tests.Features.Pipeline;

/// <summary>Issue 15 items 1 and 2: one owner of ingest -> mine -> publish; triggers coalesced, never dropped; one reload per import; a failed reload never loses the run.</summary>
public sealed class PipelineCoordinatorTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task DataWritten_AfterAWebImport_MinesOnceAndReloadsTheSnapshotOnce()
    {
        await using var store = await PipelineTestStore.StartAsync();
        var reloads = store.Snapshots.FullReloads;
        var runsBefore = (await store.RunsAsync()).Count;
        var servingRun = store.Snapshots.Current.MiningRun!.Id;

        (await store.Database.CreateImporter().ImportAsync(PipelineTestStore.OrdersOf("B", 40, "NEW-A", "NEW-B"))).Succeeded.ShouldBeTrue();
        store.Coordinator.DataWritten("web import");
        await PipelineTestStore.UntilAsync(() => store.Snapshots.Current.MiningRun!.Id != servingRun, Patience);
        await store.ChecksAsync(5);

        store.Snapshots.FullReloads.ShouldBe(reloads + 1, "the import's reload waited for the mining run that followed it");
        var runs = await store.RunsAsync();
        runs.Count.ShouldBe(runsBefore + 1);
        runs[^1].Trigger.ShouldBe("import");
        store.Snapshots.Current.MinedFor(store.IdOf("NEW-A")).Select(c => c.ProductId).ShouldContain(store.IdOf("NEW-B"));
        store.Coordinator.Status.State.OrdersWaiting.ShouldBe(0);
    }

    [Fact]
    public async Task ReadState_ImportRequestAnsweredByALaterRun_NoRequestForAnInstanceThatSawNone()
    {
        // A CI run saw it: an app whose first check came after orders arrived by the API mined at once ("import"),
        // for the request of the import that the first-start run had already mined, whatever the policy said.
        await using var store = await PipelineTestStore.StartAsync();
        var restarted = new PipelineQueries(store.Database, Options.Create(new PipelineOptions { MineAfterOrders = 10_000_000, MineEveryMinutes = 10_080 }), TimeProvider.System);

        var state = await restarted.ReadStateAsync();

        state.MiningRequest.ShouldBeNull("the run 'first' started after the import's request");
        state.Policy.Decide(state with { OrdersWaiting = 3 }, seenRequest: null, DateTime.UtcNow).ShouldBeNull("3 orders wait for the policy's N or its interval");
        (await store.Database.CreateImporter().ImportAsync(PipelineTestStore.OrdersOf("C", 2, "NEW-A", "NEW-B"))).Succeeded.ShouldBeTrue();
        var requested = await restarted.ReadStateAsync();
        requested.MiningRequest.ShouldNotBeNull("a new import asks again");
        requested.Policy.Decide(requested, seenRequest: null, DateTime.UtcNow).ShouldBe("import");
    }

    [Fact]
    public async Task Poll_ImportByAnotherProcessWithoutASignal_MinesAndServesTheNewPair()
    {
        await using var store = await PipelineTestStore.StartAsync();
        var servingRun = store.Snapshots.Current.MiningRun!.Id;

        // The command line's import: another importer on the same database, nothing signalled in this process.
        (await store.Database.CreateImporter().ImportAsync(PipelineTestStore.OrdersOf("B", 40, "NEW-A", "NEW-B"))).Succeeded.ShouldBeTrue();

        await PipelineTestStore.UntilAsync(() => store.Snapshots.Current.MiningRun!.Id != servingRun, Patience);
        store.Snapshots.Current.MinedFor(store.IdOf("NEW-A")).Select(c => c.ProductId).ShouldContain(store.IdOf("NEW-B"));
        store.Snapshots.Current.Catalog.Products.Count.ShouldBe(5);
    }

    [Fact]
    public async Task MineNow_ThreeRequestsDuringARun_OneFollowUpRunsNoneDropped()
    {
        await using var store = await PipelineTestStore.StartAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var swaps = 0;
        store.Job.BeforeSwap = async _ =>
        {
            if (Interlocked.Increment(ref swaps) == 1)
            {
                await release.Task;
            }
        };
        var runsBefore = (await store.RunsAsync()).Count;

        store.Coordinator.MineNow("page 1");
        await PipelineTestStore.UntilAsync(() => Volatile.Read(ref swaps) == 1, Patience);
        store.Coordinator.MineNow("page 2");
        store.Coordinator.MineNow("page 3");
        await store.ChecksAsync(2);
        release.SetResult();
        await PipelineTestStore.UntilAsync(() => Volatile.Read(ref swaps) == 2 && !store.Job.Status.Running, Patience);
        await store.ChecksAsync(5);

        var runs = (await store.RunsAsync()).Skip(runsBefore).ToList();
        runs.Select(r => (r.Trigger, r.Status)).ShouldBe([("page 1", MiningRunStatus.Succeeded), ("page 3", MiningRunStatus.Succeeded)]);
        store.Snapshots.Current.MiningRun!.Id.ShouldBe(runs[^1].Id, "the last run is the one served");
    }

    [Fact]
    public async Task Reload_ThrowsAfterPublishing_RunStaysCurrentAndAGoodCheckServesIt()
    {
        await using var store = await PipelineTestStore.StartAsync();
        var servingRun = store.Snapshots.Current.MiningRun!.Id;
        var served = store.Snapshots.Current.MinedFor(store.IdOf("RC-1"));
        store.Loading.Fail = true;

        store.Coordinator.MineNow("while busy");
        await PipelineTestStore.UntilAsync(() => !store.Job.Status.Running && store.Job.Status.LastOutcome?.StartsWith("Mined", StringComparison.Ordinal) == true, Patience);
        await Task.Delay(500, TestContext.Current.CancellationToken); // five polls, each failing to reload

        var runs = await store.RunsAsync();
        runs[^1].ShouldSatisfyAllConditions(
            r => r.Trigger.ShouldBe("while busy"),
            r => r.Status.ShouldBe(MiningRunStatus.Succeeded),
            r => r.IsCurrent.ShouldBeTrue("published before the reload failed; nothing deletes a current run"));
        store.Snapshots.Current.MiningRun!.Id.ShouldBe(servingRun, "the last good snapshot keeps serving while reloads fail");
        store.Snapshots.Current.MinedFor(store.IdOf("RC-1")).ShouldBe(served);

        store.Loading.Fail = false;
        await PipelineTestStore.UntilAsync(() => store.Snapshots.Current.MiningRun!.Id == runs[^1].Id, TimeSpan.FromSeconds(5));
        store.Coordinator.MineNow("next");
        await PipelineTestStore.UntilAsync(() => store.Snapshots.Current.MiningRun!.Id > runs[^1].Id, Patience);
    }

    [Fact]
    public async Task Policy_OrdersWaitingBelowN_NoRunAtN_OneRun()
    {
        await using var store = await PipelineTestStore.StartAsync(new PipelineOptions { MineAfterOrders = 10, MineEveryMinutes = MiningPolicy.MaxMinutes });
        var runsBefore = (await store.RunsAsync()).Count;
        var api = PipelineTestStore.OrdersOf("P", 9, "RC-2", "BAT-1") with { RequestMining = false };

        (await store.Database.CreateImporter().ImportAsync(api)).Succeeded.ShouldBeTrue();
        store.Coordinator.DataWritten("orders API");
        await store.ChecksAsync(5);
        var waiting = store.Coordinator.Status;
        (await store.RunsAsync()).Count.ShouldBe(runsBefore);
        (await store.Database.CreateImporter().ImportAsync(PipelineTestStore.OrdersOf("Q", 1, "RC-2") with { RequestMining = false })).Succeeded.ShouldBeTrue();
        await PipelineTestStore.UntilAsync(() => store.Coordinator.Status.State.OrdersWaiting == 0 && !store.Job.Status.Running, Patience);

        waiting.State.OrdersWaiting.ShouldBe(9);
        waiting.NextScheduledRun.ShouldNotBeNull().ShouldBeGreaterThan(DateTime.UtcNow.AddDays(6));
        var runs = (await store.RunsAsync()).Skip(runsBefore).ToList();
        runs.ShouldHaveSingleItem().Trigger.ShouldBe("10 orders waiting");
    }
}
