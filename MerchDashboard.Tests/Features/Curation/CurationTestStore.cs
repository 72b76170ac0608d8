using MerchDashboard.Data.Entities;
using MerchDashboard.Features.Curation;
using MerchDashboard.Features.Serving;
using MerchDashboard.Tests.Data.Import;
using MerchDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MerchDashboard.Tests.Features.Curation;

/// <summary>
/// A small store on a real SQLite database with a current mining run: RC-1 (an RC car) was mined with
/// BAT-1, BAT-2 and CHG-1; BAT-3 and BAT-4 were never bought with it. Real snapshot and curation services over it.
/// </summary>
internal sealed class CurationTestStore : IAsyncDisposable
{
    public static readonly DateTime Now = new(2026, 11, 25, 9, 0, 0, DateTimeKind.Utc);

    private const string Categories = """
        code,name,parent_code
        toys,Toys,
        rc-cars,RC cars,toys
        power,Power,
        batteries,Batteries,power
        chargers,Chargers,power
        """;

    // The personalization model cannot be trained without purchases, so the store has a few orders.
    private const string Orders = """
        order_id,customer_id,ordered_at,sku,quantity,unit_price
        O1,C1,2025-02-01T10:00:00Z,RC-1,1,29.99
        O1,C1,2025-02-01T10:00:00Z,BAT-1,2,7.99
        O2,C2,2025-03-05T12:30:00Z,RC-1,1,29.99
        O2,C2,2025-03-05T12:30:00Z,CHG-1,1,12.99
        """;

    public SqliteTestDatabase Database { get; private init; } = null!;
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(Now));
    public CurationChangeNotifier Notifier { get; } = new();
    public StoreSnapshotService Snapshots { get; private set; } = null!;
    public CurationCommands Commands { get; private set; } = null!;
    public Dictionary<string, int> Ids { get; private set; } = [];

    public static async Task<CurationTestStore> CreateAsync(int extraCars = 0)
    {
        var store = new CurationTestStore { Database = await SqliteTestDatabase.CreateAsync() };
        var products = string.Join("\n", new[]
        {
            "sku,name,brand,category_code,price,stock,active,tags",
            "RC-1,Turbo Racer,Zoomix,rc-cars,29.99,12,true,needs-batteries",
            "BAT-1,AA Batteries 8-pack,Voltix,batteries,7.99,200,true,consumable",
            "BAT-2,AA Batteries 4-pack,Voltix,batteries,4.99,100,true,consumable",
            "BAT-3,9V Battery,Voltix,batteries,3.99,50,true,consumable",
            "BAT-4,C Batteries,Voltix,batteries,5.99,0,true,consumable",
            "CHG-1,USB Charger,Voltix,chargers,12.99,30,true,",
        }.Concat(Enumerable.Range(2, extraCars).Select(i => $"RC-{i:D2},Car {i:D2},Zoomix,rc-cars,19.99,5,true,")));
        var report = await store.Database.CreateImporter().ImportAsync(StoreImporterTests.Store(Categories, products, StoreImporterTests.Customers, Orders));
        report.Succeeded.ShouldBeTrue(string.Join("\n", report.Problems));
        await using (var db = store.Database.CreateDbContext())
        {
            store.Ids = await db.Products.ToDictionaryAsync(p => p.Sku, p => p.Id);
            var run = db.MiningRuns.Add(new MiningRun { StartedAt = Now, FinishedAt = Now, Status = MiningRunStatus.Succeeded, IsCurrent = true, SettingsJson = """{"ListSize":6}""" }).Entity;
            await db.SaveChangesAsync();
            db.MinedPairs.AddRange(
                Pair(run.Id, "RC-1", "BAT-1", 1, 212, 0.18, 3.4, 0.9),
                Pair(run.Id, "RC-1", "BAT-2", 2, 40, 0.05, 1.8, 0.5),
                Pair(run.Id, "RC-1", "CHG-1", 3, 10, 0.02, 1.5, 0.2));
            await db.SaveChangesAsync();
        }
        store.Snapshots = new StoreSnapshotService(new StoreSnapshotLoader(store.Database, store.Time), NullLogger<StoreSnapshotService>.Instance);
        store.Commands = new CurationCommands(store.Database, store.Notifier, store.Time);
        // In the app the pipeline coordinator reloads after a change; here the snapshot follows the notifier directly.
        store.Notifier.ListChanged += anchor => _ = store.Snapshots.ReloadCurationAsync();
        await store.Snapshots.ReloadAllAsync();
        return store;

        MinedPair Pair(int runId, string anchor, string candidate, int rank, int count, double confidence, double lift, double score) => new()
        {
            RunId = runId, AnchorProductId = store.Ids[anchor], CandidateProductId = store.Ids[candidate], Rank = rank, Count = count,
            Support = count / 1000.0, Confidence = confidence, Lift = lift, Score = score,
        };
    }

    public async ValueTask DisposeAsync()
    {
        Snapshots.Dispose();
        await Database.DisposeAsync();
    }
}

/// <summary>
/// One <see cref="CurationTestStore"/> shared by the curation test classes, which run one after another
/// (migrating a database takes seconds); each test starts from <see cref="ResetAsync"/>: no curated
/// lists, rules or audit entries.
/// </summary>
[CollectionDefinition(nameof(CurationStoreFixture))]
public sealed class CurationStoreFixture : IAsyncLifetime, ICollectionFixture<CurationStoreFixture>
{
    internal CurationTestStore Store { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Store = await CurationTestStore.CreateAsync(extraCars: 29);

    public async Task ResetAsync()
    {
        await using (var db = Store.Database.CreateDbContext())
        {
            await db.CurationOverrides.ExecuteDeleteAsync();
            await db.CuratedLists.ExecuteDeleteAsync();
            await db.AuditEntries.ExecuteDeleteAsync();
            await db.ComplementRules.ExecuteDeleteAsync();
            await db.CategoryPairings.ExecuteDeleteAsync();
        }
        await Store.Snapshots.ReloadAllAsync();
    }

    public async ValueTask DisposeAsync() => await Store.DisposeAsync();
}
