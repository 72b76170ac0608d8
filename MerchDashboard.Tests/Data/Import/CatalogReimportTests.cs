using MerchDashboard.Data;
using MerchDashboard.Data.Import;
using MerchDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace MerchDashboard.Tests.Data.Import;

/// <summary>Issue 15 item 3: a re-imported products file updates existing products and counts created, updated and unchanged.</summary>
public sealed class CatalogReimportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ImportAsync_ProductsFileAgainWithChanges_UpdatesThemAndCountsEachKind()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        (await database.CreateImporter().ImportAsync(StoreImporterTests.Store(), ct: Ct)).Succeeded.ShouldBeTrue();
        const string products = """
            sku,name,brand,category_code,price,stock,active,tags
            RC-1,"Turbo Racer, red",Zoomix,rc-cars,29.99,12,true,needs-batteries
            RC-2,Mud Crawler XL,Zoomix,batteries,44.00,7,false,needs-batteries|sale
            BAT-1,AA Batteries 8-pack,Voltix,batteries,7.99,200,true,accessory|consumable
            BAT-9,9V Battery,Voltix,batteries,3.99,40,true,
            """;

        var report = await database.CreateImporter().ImportAsync(StoreImporterTests.Store(null, products, null, null), ct: Ct);

        report.Succeeded.ShouldBeTrue(string.Join("\n", report.Problems));
        report.Added.Products.ShouldBe(1, "BAT-9 is new");
        report.Added.UpdatedProducts.ShouldBe(1, "RC-2 changed in every field but its SKU");
        report.Added.UnchangedProducts.ShouldBe(2, "RC-1 is identical; BAT-1 lists the same tags in another order");
        report.Summary.ShouldContain("existing products 1 updated and 2 unchanged");
        await using var db = database.CreateDbContext();
        var crawler = await db.Products.Include(p => p.Category).SingleAsync(p => p.Sku == "RC-2", Ct);
        (crawler.Name, crawler.Category!.Code, crawler.Price, crawler.Stock, crawler.IsActive).ShouldBe(("Mud Crawler XL", "batteries", 44.00m, (int?)7, false));
        crawler.Tags.ShouldBe(["needs-batteries", "sale"]);
        (await db.Products.CountAsync(Ct)).ShouldBe(4);
    }

    [Fact]
    public async Task ImportAsync_ChangedProductAndABadLine_NothingUpdated()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        (await database.CreateImporter().ImportAsync(StoreImporterTests.Store(), ct: Ct)).Succeeded.ShouldBeTrue();
        const string products = """
            sku,name,brand,category_code,price,stock,active,tags
            RC-1,Turbo Racer,Zoomix,rc-cars,19.99,12,true,
            RC-2,Mud Crawler,Zoomix,nowhere,49.50,0,true,
            """;

        var report = await database.CreateImporter().ImportAsync(StoreImporterTests.Store(null, products, null, null), ct: Ct);

        report.Succeeded.ShouldBeFalse();
        report.Problems.ShouldHaveSingleItem().ToString().ShouldBe("products.csv, line 3, field 'category_code': category 'nowhere' is not in the categories file nor in the database");
        await using var db = database.CreateDbContext();
        (await db.Products.SingleAsync(p => p.Sku == "RC-1", Ct)).Price.ShouldBe(29.99m);
    }

    [Fact]
    public async Task ImportAsync_WithOrders_BumpsTheDataStampAndRequestsMiningInItsTransaction()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        async Task<Dictionary<string, string>> StampsAsync()
        {
            await using var db = database.CreateDbContext();
            string[] keys = [DataStamps.Data, DataStamps.MiningRequested, DataStamps.Catalog];
            return await db.AppSettings.Where(s => keys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, s => s.Value, Ct);
        }
        (await database.CreateImporter().ImportAsync(StoreImporterTests.Store(), ct: Ct)).Succeeded.ShouldBeTrue();
        var first = await StampsAsync();

        (await database.CreateImporter().ImportAsync(StoreImporterTests.Store(), ct: Ct)).Succeeded.ShouldBeTrue();
        var unchanged = await StampsAsync();
        (await database.CreateImporter().ImportAsync(StoreImporterTests.Store(null, null, null, """
            order_id,customer_id,ordered_at,sku,quantity,unit_price
            O9,C1,2025-05-01T10:00:00Z,RC-1,1,29.99
            """), ct: Ct)).Succeeded.ShouldBeTrue();
        var afterOrders = await StampsAsync();
        (await database.CreateImporter().ImportAsync(StoreImporterTests.Store(null, null, null, null) with
        {
            Products = ImportSource.FromText("p.csv", "sku,name,brand,category_code,price,stock,active,tags\nRC-1,Turbo Racer,Zoomix,rc-cars,1,0,true,\n"),
            ChangeStamp = DataStamps.Catalog, RequestMining = false,
        }, ct: Ct)).Succeeded.ShouldBeTrue();
        var afterCatalog = await StampsAsync();

        first.Keys.ShouldBe([DataStamps.Data, DataStamps.MiningRequested], ignoreOrder: true);
        unchanged.ShouldBe(first, "a re-import that changes nothing announces nothing");
        afterOrders[DataStamps.Data].ShouldNotBe(first[DataStamps.Data]);
        afterOrders[DataStamps.MiningRequested].ShouldNotBe(first[DataStamps.MiningRequested]);
        afterCatalog[DataStamps.Data].ShouldBe(afterOrders[DataStamps.Data], "a catalog API change re-reads products only");
        afterCatalog[DataStamps.MiningRequested].ShouldBe(afterOrders[DataStamps.MiningRequested]);
        afterCatalog.ShouldContainKey(DataStamps.Catalog);
    }
}
