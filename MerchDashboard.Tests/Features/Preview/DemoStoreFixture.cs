using MerchDashboard.Data.Import;
using MerchDashboard.Features.Curation;
using MerchDashboard.Features.Preview;
using MerchDashboard.Features.Serving;
using MerchDashboard.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace MerchDashboard.Tests.Features.Preview;

/// <summary>The demo store (seed-data/) imported once into a test database, its snapshot loaded, and the preview's services over it.</summary>
public sealed class DemoStoreFixture : IAsyncLifetime
{
    /// <summary>The demo's "today" (seed-data/README.md), at noon as the preview takes it.</summary>
    public static readonly DateTime AsOf = new(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);

    private SqliteTestDatabase? _database;

    public SqliteTestDatabase Database => _database!;
    public StoreSnapshotService Snapshots { get; private set; } = default!;
    public RecommendationService Recommendations { get; private set; } = default!;
    public PreviewShoppers Shoppers { get; private set; } = default!;
    public ProductPagePreviewer Previewer { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        var report = await _database.CreateImporter().ImportAsync(StoreFiles.FromFolder(RepositoryPaths.SeedData));
        if (!report.Succeeded)
        {
            throw new InvalidOperationException(string.Join("\n", report.Problems));
        }
        Snapshots = new StoreSnapshotService(new StoreSnapshotLoader(_database, TimeProvider.System), new CurationChangeNotifier(),
            NullLogger<StoreSnapshotService>.Instance);
        await Snapshots.ReloadAllAsync();
        Recommendations = new RecommendationService(Snapshots, TimeProvider.System);
        Shoppers = new PreviewShoppers(Snapshots, _database);
        Previewer = new ProductPagePreviewer(Snapshots, Recommendations);
    }

    public int ProductId(string sku) => Snapshots.Current.ProductIdsBySku[sku];

    public async ValueTask DisposeAsync()
    {
        Snapshots?.Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DemoStoreGroup : ICollectionFixture<DemoStoreFixture>
{
    public const string Name = "Demo store";
}
