using MerchDashboard.Data.Entities;
using MerchDashboard.Features.Curation;
using MerchDashboard.Features.Serving;
using MerchDashboard.Tests.Data.Import;
using MerchDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using static MerchDashboard.Features.Curation.CurationChange;

namespace MerchDashboard.Tests.Features.Serving;

/// <summary>Two snapshot services on one SQLite file stand for two instances: what one changes, the other picks up on its next check.</summary>
public sealed class StoreSnapshotServiceRefreshTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        (await _database.CreateImporter().ImportAsync(StoreImporterTests.Store())).Succeeded.ShouldBeTrue();
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private StoreSnapshotService Instance() => new(
        new StoreSnapshotLoader(_database, TimeProvider.System), NullLogger<StoreSnapshotService>.Instance,
        new DataVersionProbe(_database, TimeProvider.System));

    [Fact]
    public async Task RefreshIfChangedAsync_CurationChangedElsewhere_ReloadsOnceThenNothing()
    {
        var notifierA = new CurationChangeNotifier();
        using var a = Instance();
        using var b = Instance();
        await a.ReloadAllAsync();
        await b.ReloadAllAsync();
        var replacedB = 0;
        b.Replaced += _ => replacedB++;
        await using var db = _database.CreateDbContext();
        var ids = await db.Products.ToDictionaryAsync(p => p.Sku, p => p.Id);

        await b.RefreshIfChangedAsync();
        var locked = await new CurationCommands(_database, notifierA, TimeProvider.System)
            .ApplyAsync(ids["RC-1"], 0, new LockList(FrozenSlots.Of([ids["BAT-1"]]), TopN: null), "merch");
        await b.RefreshIfChangedAsync();
        await b.RefreshIfChangedAsync();

        locked.Succeeded.ShouldBeTrue(locked.Error);
        replacedB.ShouldBe(1);
        b.Current.Curation[ids["RC-1"]].Version.ShouldBe(1);
    }

    [Fact]
    public async Task RefreshIfChangedAsync_ImportedElsewhere_ReloadsEverything()
    {
        using var b = Instance();
        await b.ReloadAllAsync();
        const string orders = """
            order_id,customer_id,ordered_at,sku,quantity,unit_price,product_name,category
            N1,C9,2025-06-01,NEW-1,1,5.00,Brand new,Gadgets
            """;
        await b.RefreshIfChangedAsync();
        var reloads = b.FullReloads;
        (await _database.CreateImporter().ImportAsync(StoreImporterTests.Store(null, null, null, orders))).Succeeded.ShouldBeTrue();

        await b.RefreshIfChangedAsync();
        await b.RefreshIfChangedAsync();

        b.Current.ProductBySku("NEW-1")!.Name.ShouldBe("Brand new", "the import bumped the data stamp in its own transaction");
        b.FullReloads.ShouldBe(reloads + 1);
    }

    [Fact]
    public async Task RefreshIfChangedAsync_RuleChangedElsewhere_ReadsTheRules()
    {
        using var a = Instance();
        using var b = Instance();
        await a.ReloadAllAsync();
        await b.ReloadAllAsync();
        await using (var db = _database.CreateDbContext())
        {
            var batteries = await db.Categories.SingleAsync(c => c.Code == "batteries");
            db.ComplementRules.Add(new ComplementRule { SourceTag = "needs-batteries", TargetCategoryId = batteries.Id, Note = "power" });
            await db.SaveChangesAsync();
        }
        await a.ReloadCatalogRulesAsync();
        var before = b.Current.Catalog.Rules.Count;

        await b.RefreshIfChangedAsync();

        a.Current.Catalog.Rules.Count.ShouldBe(before + 1);
        b.Current.Catalog.Rules.Count.ShouldBe(before + 1);
    }

    [Fact]
    public async Task RefreshIfChangedAsync_BeforeTheFirstLoad_DoesNothing()
    {
        using var b = Instance();

        await b.RefreshIfChangedAsync();

        b.Current.ShouldBeSameAs(StoreSnapshot.Empty);
    }
}
