using MerchDashboard.Data.Import;
using MerchDashboard.Data.Import.Cleaning;
using MerchDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace MerchDashboard.Tests.Data.Import;

/// <summary>The Online Retail and Shopify layouts, recognised from the header, with sums checked by hand.</summary>
public class OrderLayoutImportTests
{
    internal const string OnlineRetail = """
        InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
        536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850.0,United Kingdom
        536365,71053,WHITE METAL LANTERN,6,12/1/2010 8:26,3.39,17850,United Kingdom
        536366,22633,"HAND WARMER, UNION JACK",6,12/1/2010 8:28,1.85,,United Kingdom
        C536379,D,Discount,-1,12/1/2010 9:41,27.50,14527,United Kingdom
        536380,22633,"HAND WARMER, UNION JACK",0,2010-12-01T09:45:00Z,1.85,14527,United Kingdom
        536381,B,Adjust bad debt,1,12/1/2010 9:50,-11062.06,,United Kingdom
        536382,71053,WHITE METAL LANTERN,2,2010-12-01T10:00:00Z,3.39,14527,France
        """;

    internal const string Shopify = """
        Name,Email,Financial Status,Paid at,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Vendor
        #1001,ada@example.com,paid,2024-01-15 10:24:00 -0500,2024-01-15 10:23:45 -0500,2,Turbo Racer,29.99,RC-1,Zoomix
        #1001,,,,,1,"Batteries, AA 8-pack",7.99,,Voltix
        #1002,ben@example.com,paid,,2024-01-16 09:00:00 +0100,1,"Batteries, AA 8-pack",7.50,,Voltix
        #1002,ben@example.com,paid,,2024-01-16 09:00:00 +0100,3,Mud Crawler,49.50,RC-2,Zoomix
        #1003,cy@example.com,refunded,,2024-01-17 12:00:00 +0000,1,Mud Crawler,49.50,RC-2,Zoomix
        #1003,,,,,1,Turbo Racer,29.99,RC-1,Zoomix
        """;

    internal static StoreFiles OrdersOnly(string text, OrderLayout? layout = null) =>
        new() { Orders = ImportSource.FromText("orders.csv", text), OrdersLayout = layout };

    [Fact]
    public async Task ImportAsync_OnlineRetail_SkipsCancellationsAndNonPositiveRowsAndSumsTheRest()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();

        var report = await database.CreateImporter().ImportAsync(OrdersOnly(OnlineRetail), ct: TestContext.Current.CancellationToken);

        report.Succeeded.ShouldBeTrue(string.Join("\n", report.Problems));
        report.Layout.ShouldBe(OrderLayout.OnlineRetail);
        report.Added.Orders.ShouldBe(3); // 536365, 536366, 536382
        report.Added.OrderLines.ShouldBe(4);
        report.Added.Products.ShouldBe(3);
        report.Added.Customers.ShouldBe(2); // 17850 (17850.0 is the same), 14527
        report.Added.Revenue.ShouldBe(6 * 2.55m + 6 * 3.39m + 6 * 1.85m + 2 * 3.39m);
        report.SkippedRows.ShouldBe(3);
        report.SkippedByReason.ShouldBe(new Dictionary<string, long>
        {
            [ParsedRow.ZeroQuantity] = 1,
            [CleaningKinds.NonProduct] = 2, // D (a discount, cancelled) and B (adjust bad debt)
        }, ignoreOrder: true);
        report.Cleaning.Single(k => k.Name == CleaningKinds.NonProduct).Amount.ShouldBe(-27.50m - 11062.06m);
        await using var db = database.CreateDbContext();
        var anonymous = await db.Orders.SingleAsync(o => o.ExternalId == "536366", TestContext.Current.CancellationToken);
        anonymous.CustomerId.ShouldBeNull();
        anonymous.PlacedAt.ShouldBe(new DateTime(2010, 12, 1, 8, 28, 0, DateTimeKind.Utc));
        (await db.Products.SingleAsync(p => p.Sku == "22633", TestContext.Current.CancellationToken)).Name.ShouldBe("HAND WARMER, UNION JACK");
    }

    [Fact]
    public async Task ImportAsync_Shopify_TakesOrderColumnsFromTheFirstRowAndDerivesMissingSkus()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();

        var report = await database.CreateImporter().ImportAsync(OrdersOnly(Shopify), ct: TestContext.Current.CancellationToken);

        report.Succeeded.ShouldBeTrue(string.Join("\n", report.Problems));
        report.Layout.ShouldBe(OrderLayout.Shopify);
        report.Added.Orders.ShouldBe(2);
        report.Added.OrderLines.ShouldBe(4);
        report.Added.Customers.ShouldBe(2);
        report.Added.Products.ShouldBe(3); // RC-1, RC-2 and one derived SKU for the batteries in both orders
        report.Added.Revenue.ShouldBe(2 * 29.99m + 7.99m + 7.50m + 3 * 49.50m);
        report.SkippedByReason.ShouldBe(new Dictionary<string, long> { [ShopifyRowParser.RefundedOrVoided] = 2 });
        report.Notes.ShouldHaveSingleItem().ShouldContain("2 line item(s) had no SKU");
        await using var db = database.CreateDbContext();
        var first = await db.Orders.Include(o => o.Customer).SingleAsync(o => o.ExternalId == "#1001", TestContext.Current.CancellationToken);
        first.Customer!.ExternalId.ShouldBe("ada@example.com");
        first.PlacedAt.ShouldBe(new DateTime(2024, 1, 15, 15, 23, 45, DateTimeKind.Utc));
        first.Revenue.ShouldBe(67.97m);
        var derived = new ShopifyRowParser().DerivedSku("Batteries, AA 8-pack");
        derived.ShouldStartWith("batteries-aa-8-pack-");
        (await db.Products.SingleAsync(p => p.Sku == derived, TestContext.Current.CancellationToken)).Name.ShouldBe("Batteries, AA 8-pack");
    }

    [Fact]
    public async Task ImportAsync_ShopifyWithCustomerIdColumn_UsesItOverTheEmail()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        const string orders = """
            Name,Email,Customer ID,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku
            #7,ada@example.com,cust-42,2024-02-01T08:00:00Z,1,Widget,5.00,W-1
            """;

        var report = await database.CreateImporter().ImportAsync(OrdersOnly(orders), ct: TestContext.Current.CancellationToken);

        report.Succeeded.ShouldBeTrue(string.Join("\n", report.Problems));
        await using var db = database.CreateDbContext();
        (await db.Customers.SingleAsync(TestContext.Current.CancellationToken)).ExternalId.ShouldBe("cust-42");
    }

    [Theory]
    [InlineData(OnlineRetail)]
    [InlineData(Shopify)]
    public async Task ImportAsync_SameFileTwice_AddsNothingTheSecondTime(string orders)
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var importer = database.CreateImporter();
        var first = await importer.ImportAsync(OrdersOnly(orders), ct: TestContext.Current.CancellationToken);

        var again = await importer.ImportAsync(OrdersOnly(orders), ct: TestContext.Current.CancellationToken);

        again.Succeeded.ShouldBeTrue();
        again.Added.Orders.ShouldBe(0);
        again.Added.OrderLines.ShouldBe(0);
        again.DuplicateOrdersSkipped.ShouldBe(first.Added.Orders);
        again.SkippedByReason[OrderReader.AlreadyImported].ShouldBe(first.Added.Orders);
        await using var db = database.CreateDbContext();
        (await db.OrderLines.CountAsync(TestContext.Current.CancellationToken)).ShouldBe((int)first.Added.OrderLines);
    }

    [Fact]
    public void Detect_EachLayoutsHeader_IsRecognisedAndAnUnknownOneIsNot()
    {
        OrderLayouts.Detect(StoreFormats.OrderColumns).ShouldBe(OrderLayout.Generic);
        OrderLayouts.Detect(OnlineRetail.Split('\n')[0].Split(',')).ShouldBe(OrderLayout.OnlineRetail);
        OrderLayouts.Detect(Shopify.Split('\n')[0].Split(',')).ShouldBe(OrderLayout.Shopify);
        OrderLayouts.Detect(["id", "when", "what"]).ShouldBeNull();
    }
}
