using System.Globalization;
using System.Text;
using MerchDashboard.Data;
using MerchDashboard.Data.Import;
using MerchDashboard.Features.Curation;
using MerchDashboard.Features.Mining;
using MerchDashboard.Features.Pipeline;
using MerchDashboard.Features.Serving;
using MerchDashboard.Tests.Data.Import;
using MerchDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Tests.Features.Pipeline;

/// <summary>
/// One instance's pipeline over a small SQLite store (RC-1, RC-2, BAT-1; RC-1 and BAT-1 bought together in
/// six orders and mined), with a coordinator polling every 100 ms, as the app wires it.
/// </summary>
internal sealed class PipelineTestStore : IAsyncDisposable
{
    public SqliteTestDatabase Database { get; private init; } = null!;
    public FlakyFactory Loading { get; private init; } = null!;
    public StoreSnapshotService Snapshots { get; private set; } = null!;
    public MiningJob Job { get; private set; } = null!;
    public PipelineCoordinator Coordinator { get; private set; } = null!;

    public static async Task<PipelineTestStore> StartAsync(PipelineOptions? policy = null)
    {
        var database = await SqliteTestDatabase.CreateAsync();
        var store = new PipelineTestStore { Database = database, Loading = new FlakyFactory(database) };
        (await database.CreateImporter().ImportAsync(StoreImporterTests.Store())).Succeeded.ShouldBeTrue();
        (await database.CreateImporter().ImportAsync(OrdersOf("A", 6, "RC-1", "BAT-1"))).Succeeded.ShouldBeTrue();
        var settings = new MiningSettingsStore(database, Options.Create(new MiningOptions { MinCount = 2, MinLift = 1, MinConfidence = 0 }), TimeProvider.System);
        store.Job = new MiningJob(database, new SqliteBulkWriter(), settings, TimeProvider.System, NullLogger<MiningJob>.Instance);
        (await store.Job.RunAsync("first", CancellationToken.None)).Succeeded.ShouldBeTrue();
        var probe = new DataVersionProbe(database, TimeProvider.System);
        store.Snapshots = new StoreSnapshotService(new StoreSnapshotLoader(store.Loading, TimeProvider.System), NullLogger<StoreSnapshotService>.Instance, probe);
        await store.Snapshots.ReloadAllAsync();
        store.Coordinator = new PipelineCoordinator(store.Snapshots, probe,
            new PipelineQueries(database, Options.Create(policy ?? new PipelineOptions()), TimeProvider.System),
            store.Job, new CurationChangeNotifier(), TimeProvider.System,
            Options.Create(new DatabaseOptions { ChangePollInterval = TimeSpan.FromMilliseconds(100) }), NullLogger<PipelineCoordinator>.Instance);
        await store.Coordinator.StartAsync(CancellationToken.None);
        await store.ChecksAsync(2);
        return store;
    }

    /// <summary>A generic orders file: <paramref name="count"/> orders named after <paramref name="prefix"/>, each of all <paramref name="skus"/>.</summary>
    public static StoreFiles OrdersOf(string prefix, int count, params string[] skus)
    {
        var csv = new StringBuilder("order_id,customer_id,ordered_at,sku,quantity,unit_price\n");
        for (var o = 0; o < count; o++)
        {
            foreach (var sku in skus)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{prefix}{o},C{o % 5},2025-06-{1 + (o % 28):D2}T10:00:00Z,{sku},1,9.99\n");
            }
        }
        return new StoreFiles { Orders = ImportSource.FromText("orders.csv", csv.ToString()) };
    }

    public int IdOf(string sku) => Snapshots.Current.ProductIdsBySku[sku];

    /// <summary>Waits until the coordinator has done <paramref name="more"/> further checks.</summary>
    public async Task ChecksAsync(int more)
    {
        var target = Coordinator.Checks + more;
        await UntilAsync(() => Coordinator.Checks >= target, TimeSpan.FromSeconds(20));
    }

    public static async Task UntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition() && clock.Elapsed < timeout)
        {
            await Task.Delay(25);
        }
        condition().ShouldBeTrue($"not within {timeout.TotalSeconds:N0} s");
    }

    public async Task<List<MerchDashboard.Data.Entities.MiningRun>> RunsAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.MiningRuns.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Coordinator.StopAsync(CancellationToken.None);
        Coordinator.Dispose();
        await UntilAsync(() => !Job.Status.Running, TimeSpan.FromSeconds(30));
        Job.Dispose();
        Snapshots.Dispose();
        await Database.DisposeAsync();
    }

    /// <summary>The snapshot loader's database, which can be made to fail as a busy database does.</summary>
    internal sealed class FlakyFactory(IDbContextFactory<AppDbContext> inner) : IDbContextFactory<AppDbContext>
    {
        public volatile bool Fail;

        public AppDbContext CreateDbContext() => Fail ? throw new InvalidOperationException("database is busy") : inner.CreateDbContext();
    }
}
