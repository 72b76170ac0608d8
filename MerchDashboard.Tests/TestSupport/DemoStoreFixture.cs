using MerchDashboard.Data.Import;
using MerchDashboard.Features.Curation;
using MerchDashboard.Features.Mining;
using MerchDashboard.Features.Serving;
using MerchDashboard.Features.Store;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Tests.TestSupport;

/// <summary>
/// The committed demo store imported into a fresh SQLite database, mined with the default settings, and
/// loaded into a serving snapshot: the real pipeline end to end. Use as a class or collection fixture
/// (importing takes a few seconds).
/// </summary>
public sealed class DemoStoreFixture : IAsyncLifetime
{
    public SqliteTestDatabase Database { get; private set; } = null!;
    public CurationChangeNotifier Notifier { get; } = new();
    public StoreSnapshotService Snapshots { get; private set; } = null!;
    public RecommendationService Recommendations { get; private set; } = null!;
    public StoreSettings StoreSettings { get; private set; } = null!;
    public static DateTime Today { get; } = new(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);

    public async ValueTask InitializeAsync()
    {
        Database = await SqliteTestDatabase.CreateAsync();
        var report = await Database.CreateImporter().ImportAsync(StoreFiles.FromFolder(RepositoryPaths.SeedData));
        report.Succeeded.ShouldBeTrue(string.Join("\n", report.Problems));
        StoreSettings = new StoreSettings(Database, Options.Create(new StoreOptions()), TimeProvider.System);
        await StoreSettings.MarkDemoStoreAsync(true);
        var settings = new MiningSettingsStore(Database, Options.Create(new MiningOptions()), TimeProvider.System);
        using var job = new MiningJob(Database, new SqliteBulkWriter(), settings, TimeProvider.System, NullLogger<MiningJob>.Instance);
        (await job.RunAsync("test", CancellationToken.None)).Succeeded.ShouldBeTrue();
        Snapshots = new StoreSnapshotService(new StoreSnapshotLoader(Database, TimeProvider.System), NullLogger<StoreSnapshotService>.Instance);
        await Snapshots.ReloadAllAsync();
        Recommendations = new RecommendationService(Snapshots, TimeProvider.System);
    }

    public async ValueTask DisposeAsync()
    {
        Snapshots.Dispose();
        await Database.DisposeAsync();
    }
}
