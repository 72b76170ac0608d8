using MerchDashboard.Data.Entities;
using MerchDashboard.Data.Import;
using MerchDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace MerchDashboard.Tests.Data.Import;

public class StoreImporterTests
{
    /// <summary>SQLite here; the PostgreSQL subclass runs the same tests there.</summary>
    protected virtual async Task<ITestDatabase> CreateDatabaseAsync() => await SqliteTestDatabase.CreateAsync();

    internal const string Categories = """
        code,name,parent_code
        toys,Toys,
        rc-cars,RC cars,toys
        power,Power,
        batteries,Batteries,power
        """;

    internal const string Products = """
        sku,name,brand,category_code,price,stock,active,tags
        RC-1,"Turbo Racer, red",Zoomix,rc-cars,29.99,12,true,needs-batteries
        RC-2,Mud Crawler,Zoomix,rc-cars,49.50,0,true,needs-batteries
        BAT-1,AA Batteries 8-pack,Voltix,batteries,7.99,200,true,consumable|accessory
        """;

    internal const string Customers = """
        customer_id,name,email,city,arm,created_at
        C1,Ada,ada@example.com,Leeds,cross-sell,2025-01-01
        C2,Ben,ben@example.com,York,control,2025-01-02
        """;

    internal const string Orders = """
        order_id,customer_id,ordered_at,sku,quantity,unit_price,product_name,category,source
        O1,C1,2025-02-01T10:00:00Z,RC-1,1,29.99,,,organic
        O1,C1,2025-02-01T10:00:00Z,BAT-1,2,7.99,,,cross-sell
        O2,C2,2025-03-05T12:30:00Z,RC-2,1,45.00,,,organic
        O3,C1,2025-04-10T08:00:00Z,BAT-1,3,7.50,,,personalized
        """;

    internal static StoreFiles Store(string? categories = Categories, string? products = Products,
        string? customers = Customers, string? orders = Orders) => new()
    {
        Categories = categories is null ? null : ImportSource.FromText("categories.csv", categories),
        Products = products is null ? null : ImportSource.FromText("products.csv", products),
        Customers = customers is null ? null : ImportSource.FromText("customers.csv", customers),
        Orders = orders is null ? null : ImportSource.FromText("orders.csv", orders),
    };

    [Fact]
    public async Task ImportAsync_ValidStore_WritesEverythingWithExactSums()
    {
        await using var database = await CreateDatabaseAsync();

        var report = await database.CreateImporter().ImportAsync(Store(), ct: TestContext.Current.CancellationToken);

        report.Succeeded.ShouldBeTrue(string.Join("\n", report.Problems));
        report.Added.ShouldBe(new ImportCounts(4, 3, 2, 3, 4, 0, 0, 0, 29.99m + 15.98m + 45.00m + 22.50m));
        await using var db = database.CreateDbContext();
        var o1 = await db.Orders.Include(o => o.Lines).SingleAsync(o => o.ExternalId == "O1", TestContext.Current.CancellationToken);
        o1.Revenue.ShouldBe(45.97m);
        o1.Units.ShouldBe(3);
        o1.Arm.ShouldBe(ExperimentArm.CrossSell);
        o1.PlacedAt.ShouldBe(new DateTime(2025, 2, 1, 10, 0, 0, DateTimeKind.Utc));
        o1.Lines.Select(l => l.Source).ShouldBe([LineSource.Organic, LineSource.CrossSell], ignoreOrder: true);
        var rc1 = await db.Products.Include(p => p.Category).SingleAsync(p => p.Sku == "RC-1", TestContext.Current.CancellationToken);
        rc1.Name.ShouldBe("Turbo Racer, red");
        rc1.Tags.ShouldBe(["needs-batteries"]);
        rc1.Category!.Code.ShouldBe("rc-cars");
        (await db.Products.SingleAsync(p => p.Sku == "BAT-1", TestContext.Current.CancellationToken)).Tags.ShouldBe(["consumable", "accessory"]);
        (await db.Categories.SingleAsync(c => c.Code == "batteries", TestContext.Current.CancellationToken)).ParentId.ShouldNotBeNull();
    }

    [Fact]
    public async Task ImportAsync_SameOrdersTwice_AddsNothingTheSecondTime()
    {
        await using var database = await CreateDatabaseAsync();
        var importer = database.CreateImporter();
        (await importer.ImportAsync(Store(), ct: TestContext.Current.CancellationToken)).Succeeded.ShouldBeTrue();

        var again = await importer.ImportAsync(Store(), ct: TestContext.Current.CancellationToken);

        again.Succeeded.ShouldBeTrue();
        again.Added.Orders.ShouldBe(0);
        again.Added.Products.ShouldBe(0);
        again.SkippedRows.ShouldBe(4);
        await using var db = database.CreateDbContext();
        (await db.OrderLines.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(4);
    }

    [Fact]
    public async Task ImportAsync_OrdersWithoutCatalog_CreatesProductsFromTheLines()
    {
        await using var database = await CreateDatabaseAsync();
        const string orders = """
            order_id,customer_id,ordered_at,sku,quantity,unit_price,product_name,category
            A1,X9,2025-05-01,SKU-9,2,3.25,Widget,Gadgets
            A1,X9,2025-05-01,SKU-8,1,10,,Gadgets
            """;

        var report = await database.CreateImporter().ImportAsync(Store(null, null, null, orders), ct: TestContext.Current.CancellationToken);

        report.Succeeded.ShouldBeTrue(string.Join("\n", report.Problems));
        report.Added.Products.ShouldBe(2);
        report.Added.Customers.ShouldBe(1);
        await using var db = database.CreateDbContext();
        var widget = await db.Products.Include(p => p.Category).SingleAsync(p => p.Sku == "SKU-9", TestContext.Current.CancellationToken);
        widget.Name.ShouldBe("Widget");
        widget.Category!.Name.ShouldBe("Gadgets");
        (await db.Products.SingleAsync(p => p.Sku == "SKU-8", TestContext.Current.CancellationToken)).Name.ShouldBe("SKU-8");
    }

    [Fact]
    public async Task ImportAsync_ByteOrderMarkCrlfAndQuotedNewlines_AreRead()
    {
        await using var database = await CreateDatabaseAsync();
        var products = "\uFEFF" + Products.Replace("\n", "\r\n").Replace("\"Turbo Racer, red\"", "\"Turbo Racer,\r\nred\"");

        var report = await database.CreateImporter().ImportAsync(Store(products: products), ct: TestContext.Current.CancellationToken);

        report.Succeeded.ShouldBeTrue(string.Join("\n", report.Problems));
        await using var db = database.CreateDbContext();
        (await db.Products.SingleAsync(p => p.Sku == "RC-1", TestContext.Current.CancellationToken)).Name.ShouldBe("Turbo Racer,\r\nred");
    }
}
