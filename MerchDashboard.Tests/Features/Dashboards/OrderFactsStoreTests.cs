using MerchDashboard.Data.Import;
using MerchDashboard.Features.Dashboards;
using MerchDashboard.Features.Serving;
using MerchDashboard.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace MerchDashboard.Tests.Features.Dashboards;

public class OrderFactsStoreTests
{
    [Fact]
    public async Task GetAsync_AfterImportAndFullReload_RebuildsButCurationReloadKeepsTheFacts()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        await using var database = await SqliteTestDatabase.CreateAsync();
        (await database.CreateImporter().ImportAsync(DashboardTestStore.Files(), ct: ct)).Succeeded.ShouldBeTrue();
        await using var services = new ServiceCollection().AddDashboardServices(database).BuildServiceProvider();
        var snapshots = services.GetRequiredService<StoreSnapshotService>();
        var store = services.GetRequiredService<OrderFactsStore>();
        await snapshots.ReloadAllAsync(ct);
        var changes = 0;
        store.Changed += () => changes++;

        var first = await store.GetAsync();
        await snapshots.ReloadCurationAsync(ct);
        var afterCuration = await store.GetAsync();
        var more = new StoreFiles
        {
            Orders = ImportSource.FromText("orders.csv", """
                order_id,customer_id,ordered_at,sku,quantity,unit_price,product_name,category,source
                O8,C3,2025-04-01T10:00:00Z,KIT-1,1,20.00,,,organic
                """),
        };
        (await database.CreateImporter().ImportAsync(more, ct: ct)).Succeeded.ShouldBeTrue();
        await snapshots.ReloadAllAsync(ct);
        var afterImport = await store.GetAsync();

        first.Orders.Count.ShouldBe(7);
        afterCuration.ShouldBeSameAs(first);
        afterImport.Orders.Count.ShouldBe(8);
        afterImport.Orders[^1].Revenue.ShouldBe(20.00m);
        changes.ShouldBe(2);
    }

    [Fact]
    public async Task Lists_TestStore_AreTheComposedAnonymousLists()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        await using var database = await SqliteTestDatabase.CreateAsync();
        (await database.CreateImporter().ImportAsync(DashboardTestStore.Files(), ct: ct)).Succeeded.ShouldBeTrue();
        await using var services = new ServiceCollection().AddDashboardServices(database).BuildServiceProvider();
        await services.GetRequiredService<StoreSnapshotService>().ReloadAllAsync(ct);
        var snapshot = services.GetRequiredService<StoreSnapshotService>().Current;
        int Id(string sku) => snapshot.ProductBySku(sku)!.Id;

        var lists = services.GetRequiredService<OrderFactsStore>().Lists();

        lists.TryGetItems(Id("RC-1"), out var rc1).ShouldBeTrue();
        rc1.ShouldBe([Id("BAT-1"), Id("KIT-1")], ignoreOrder: true);
        lists.TryGetItems(Id("KIT-1"), out var kit).ShouldBeTrue();
        kit.ShouldBe([Id("RC-1"), Id("RC-2")], ignoreOrder: true);
        lists.TryGetItems(Id("BAT-1"), out _).ShouldBeFalse();
    }
}
