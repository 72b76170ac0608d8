using MerchDashboard.Data.Entities;
using MerchDashboard.Features.Curation;
using MerchDashboard.Tests.Data.Import;
using MerchDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static MerchDashboard.Features.Curation.CurationChange;
using FrozenSlot = MerchDashboard.Engine.Composition.FrozenSlot;
using SlotSource = MerchDashboard.Engine.Composition.SlotSource;

namespace MerchDashboard.Tests.Features.Curation;

public class CurationCommandsTests : IAsyncLifetime
{
    /// <summary>SQLite here; the PostgreSQL subclass runs the same tests there.</summary>
    protected virtual async Task<ITestDatabase> CreateDatabaseAsync() => await SqliteTestDatabase.CreateAsync();

    private ITestDatabase _database = null!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private readonly CurationChangeNotifier _notifier = new();
    private CurationCommands _commands = null!;
    private int _car, _car2, _batteries;

    public async ValueTask InitializeAsync()
    {
        _database = await CreateDatabaseAsync();
        (await _database.CreateImporter().ImportAsync(StoreImporterTests.Store())).Succeeded.ShouldBeTrue();
        await using var db = _database.CreateDbContext();
        var ids = await db.Products.ToDictionaryAsync(p => p.Sku, p => p.Id);
        (_car, _car2, _batteries) = (ids["RC-1"], ids["RC-2"], ids["BAT-1"]);
        _commands = new CurationCommands(_database, _notifier, _time);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task ApplyAsync_PinExcludeLock_SavesStateVersionAndAudit()
    {
        var changed = new List<int>();
        _notifier.ListChanged += changed.Add;

        var pinned = await _commands.ApplyAsync(_car, 0, new Pin(_batteries, 1, Note: "always"), "merch");
        var excluded = await _commands.ApplyAsync(_car, 1, new Exclude(_car2, "a substitute"), "merch");
        var locked = await _commands.ApplyAsync(_car, 2, new LockList(FrozenSlots.Of([_batteries]), TopN: null), "merch");

        pinned.Succeeded.ShouldBeTrue(pinned.Error);
        excluded.Succeeded.ShouldBeTrue(excluded.Error);
        locked.Succeeded.ShouldBeTrue(locked.Error);
        locked.Current.Version.ShouldBe(3);
        locked.Current.State.Mode.ShouldBe(ListMode.Locked);
        locked.Current.State.Overrides.ShouldBe(
        [
            new OverrideState(OverrideKind.Pin, _batteries, 1, null, null, "always"),
            new OverrideState(OverrideKind.Exclude, _car2, 0, null, null, "a substitute"),
        ]);
        changed.ShouldBe([_car, _car, _car]);
        await using var db = _database.CreateDbContext();
        var audit = await db.AuditEntries.OrderBy(a => a.Id).ToListAsync();
        audit.Select(a => a.Action).ShouldBe(["Pin", "Exclude", "LockList"]);
        audit.ShouldAllBe(a => a.User == "merch" && a.AnchorProductId == _car && a.At == _time.GetUtcNow().UtcDateTime);
        audit[0].Summary.ShouldBe("Pinned AA Batteries 8-pack (BAT-1) at slot 1");
        audit[1].Summary.ShouldBe("Excluded Mud Crawler (RC-2): a substitute");
        audit[0].Before!.ShouldContain("\"Mode\":\"Auto\"");
        audit[2].After!.ShouldContain("\"Mode\":\"Locked\"");
        locked.Current.State.Frozen.ShouldBe([new FrozenSlot(_batteries, 1, SlotSource.Pinned)]);
        (await db.LockedSlots.SingleAsync()).ProductId.ShouldBe(_batteries);
    }

    [Fact]
    public async Task ApplyAsync_StaleVersion_RefusedWithCurrentStateAndNothingOverwritten()
    {
        // Two merchandisers open version 0; the first saves, the second's save must not overwrite it.
        var first = await _commands.ApplyAsync(_car, 0, new Pin(_batteries, 1), "ann");
        var second = await _commands.ApplyAsync(_car, 0, new Exclude(_batteries, "not for this car"), "bob");

        first.Succeeded.ShouldBeTrue();
        second.Succeeded.ShouldBeFalse();
        second.Conflict.ShouldBeTrue();
        second.Error!.ShouldContain("Someone else changed this list");
        second.Current.Version.ShouldBe(1);
        second.Current.State.Overrides.Single().Kind.ShouldBe(OverrideKind.Pin);
        (await _commands.GetAsync(_car)).State.Overrides.Single().Kind.ShouldBe(OverrideKind.Pin);
    }

    [Fact]
    public async Task ApplyAsync_ConcurrentSavesFromManyContexts_ExactlyOneWinsPerVersion()
    {
        var attempts = Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => new CurationCommands(_database, _notifier, _time).ApplyAsync(_car, 0, new Pin(_batteries, i + 1), $"user{i}")));

        var results = await Task.WhenAll(attempts);

        results.Count(r => r.Succeeded).ShouldBe(1);
        results.Where(r => !r.Succeeded).ShouldAllBe(r => r.Conflict);
        var saved = await _commands.GetAsync(_car);
        saved.Version.ShouldBe(1);
        await using var db = _database.CreateDbContext();
        (await db.AuditEntries.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task ApplyAsync_RestoreAnEarlierState_BringsBackOverridesAndFrozenSlotsAsANewAuditedChange()
    {
        await _commands.ApplyAsync(_car, 0, new Pin(_batteries, 2, _time.GetUtcNow().UtcDateTime, _time.GetUtcNow().UtcDateTime.AddDays(3)), "merch");
        var locked = await _commands.ApplyAsync(_car, 1, new LockList(FrozenSlots.Of([_car2, _batteries], SlotSource.Mined), TopN: null), "merch");
        await _commands.ApplyAsync(_car, 2, new RevertToAuto(), "merch");

        var restored = await _commands.ApplyAsync(_car, 3, new Restore(locked.Current.State, "Restored version 2"), "merch");
        var again = await _commands.ApplyAsync(_car, 4, new Restore(locked.Current.State, "twice"), "merch");

        restored.Succeeded.ShouldBeTrue(restored.Error);
        restored.Current.Version.ShouldBe(4);
        restored.Current.State.SameAs(locked.Current.State).ShouldBeTrue();
        restored.Current.State.Frozen.ShouldBe([new FrozenSlot(_car2, 1, SlotSource.Mined), new FrozenSlot(_batteries, 2, SlotSource.Mined)]);
        restored.Current.State.Overrides.ShouldHaveSingleItem().ExpiresAt.ShouldBe(new DateTime(2026, 11, 28, 9, 0, 0, DateTimeKind.Utc));
        again.Error.ShouldBe("The list is already in that state.");
        await using var db = _database.CreateDbContext();
        (await db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Summary).LastAsync()).ShouldBe("Restored version 2");
        (await db.LockedSlots.CountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task ApplyAsync_InvalidChanges_RefusedWithReasonAndNoVersionBump()
    {
        var now = _time.GetUtcNow().UtcDateTime;
        (await _commands.ApplyAsync(_car, 0, new Pin(_car, 1), "m")).Error.ShouldBe("A product cannot be suggested with itself.");
        (await _commands.ApplyAsync(_car, 0, new Pin(_batteries, 0), "m")).Error.ShouldBe("This list has 20 slots: choose a slot from 1 to 20, not 0.");
        (await _commands.ApplyAsync(_car, 0, new Pin(_batteries, 7), "m", slots: 6)).Error.ShouldBe("This list has 6 slots: choose a slot from 1 to 6, not 7.");
        (await _commands.ApplyAsync(_car, 0, new LockList(FrozenSlots.Of([_batteries]), TopN: 7), "m", slots: 6)).Error!.ShouldStartWith("Lock between 1 and 6");
        (await _commands.ApplyAsync(_car, 0, new Exclude(_batteries, " "), "m")).Error!.ShouldStartWith("Say why");
        (await _commands.ApplyAsync(_car, 0, new Add(_batteries, now, now.AddDays(-1)), "m")).Error.ShouldBe("The expiry must come after the start.");
        (await _commands.ApplyAsync(_car, 0, new Pin(99999, 1), "m")).Error.ShouldBe("Product 99999 does not exist.");
        (await _commands.ApplyAsync(_car, 0, new UnlockList(), "m")).Error.ShouldBe("The list is not locked.");
        (await _commands.GetAsync(_car)).Version.ShouldBe(0);
    }

    [Fact]
    public async Task ApplyAsync_RemoveLastOverrideAndRevert_ListBecomesAutomatic()
    {
        await _commands.ApplyAsync(_car, 0, new Add(_batteries), "m");
        var removed = await _commands.ApplyAsync(_car, 1, new Remove(_batteries), "m");
        await _commands.ApplyAsync(_car, 2, new Pin(_batteries, 1), "m");
        await _commands.ApplyAsync(_car, 3, new LockList(FrozenSlots.Of([_batteries, _car2]), TopN: 1), "m");
        var reverted = await _commands.ApplyAsync(_car, 4, new RevertToAuto(), "m");

        removed.Current.State.Mode.ShouldBe(ListMode.Auto);
        reverted.Current.State.Mode.ShouldBe(ListMode.Auto);
        reverted.Current.State.LockedTopN.ShouldBeNull();
        reverted.Current.State.Overrides.ShouldBeEmpty();
    }
}
