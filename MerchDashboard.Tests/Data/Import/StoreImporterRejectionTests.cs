using MerchDashboard.Data.Import;
using MerchDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static MerchDashboard.Tests.Data.Import.StoreImporterTests;

namespace MerchDashboard.Tests.Data.Import;

/// <summary>Each malformed input is refused with file, line and field named, and nothing is written.</summary>
public class StoreImporterRejectionTests
{
    /// <summary>SQLite here; the PostgreSQL subclass runs the same tests there.</summary>
    protected virtual async Task<ITestDatabase> CreateDatabaseAsync() => await SqliteTestDatabase.CreateAsync();

    public static TheoryData<string, StoreFiles, string> Malformed => new()
    {
        { "missing column", Store(orders: Orders.Replace(",quantity,", ",qty,")), "orders.csv, line 1, field 'quantity': required column 'quantity' is missing" },
        { "bad number", Store(orders: Orders.Replace("O2,C2,2025-03-05T12:30:00Z,RC-2,1,45.00", "O2,C2,2025-03-05T12:30:00Z,RC-2,1,45.0x")), "orders.csv, line 4, field 'unit_price': '45.0x' is not a number" },
        { "truncated row", Store(orders: Orders.Replace("O2,C2,2025-03-05T12:30:00Z,RC-2,1,45.00,,,organic", "O2,C2,2025-03-05T12:30:00Z,RC-2")), "orders.csv, line 4: the row has 4 fields but the header has 9" },
        { "unclosed quote", Store(products: Products.Replace("Mud Crawler", "\"Mud Crawler")), "products.csv, line 3" },
        { "non-numeric quantity", Store(orders: Orders.Replace("RC-2,1,", "RC-2,one,")), "orders.csv, line 4, field 'quantity': 'one' is not a whole number" },
        { "bad date", Store(orders: Orders.Replace("2025-03-05T12:30:00Z", "2025-02-30T12:30:00Z")), "orders.csv, line 4, field 'ordered_at': '2025-02-30T12:30:00Z' is not a valid date" },
        { "unknown sku with catalog", Store(orders: Orders.Replace("O3,C1,2025-04-10T08:00:00Z,BAT-1", "O3,C1,2025-04-10T08:00:00Z,BAT-404")), "orders.csv, line 5, field 'sku': SKU 'BAT-404' is in neither the products file" },
        { "order with two customers", Store(orders: Orders.Replace("O1,C1,2025-02-01T10:00:00Z,BAT-1", "O1,C2,2025-02-01T10:00:00Z,BAT-1")), "orders.csv, line 3, field 'customer_id': order 'O1' has customer 'C1' on line 2 but 'C2' here" },
        { "negative price", Store(products: Products.Replace("7.99,200", "-7.99,200")), "products.csv, line 4, field 'price': -7.99 is negative" },
        { "unknown category", Store(products: Products.Replace("rc-cars,49.50", "drones,49.50")), "products.csv, line 3, field 'category_code': category 'drones' is not in the categories file" },
        { "duplicate sku", Store(products: Products + "\nRC-1,Again,Zoomix,rc-cars,1,1,true,"), "products.csv, line 5, field 'sku': SKU 'RC-1' appears twice" },
        { "unknown arm", Store(customers: Customers.Replace("control", "treatment")), "customers.csv, line 3, field 'arm': 'treatment' is not one of" },
        { "empty file", Store(orders: ""), "orders.csv, line 1: the file is empty" },
        { "zero quantity", Store(orders: Orders.Replace("RC-2,1,", "RC-2,0,")), "orders.csv, line 4, field 'quantity': 0 is not a quantity" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task ImportAsync_MalformedInput_RefusedWithPreciseMessageAndNothingWritten(string label, StoreFiles files, string expected)
    {
        await using var database = await CreateDatabaseAsync();

        var report = await database.CreateImporter().ImportAsync(files, ct: TestContext.Current.CancellationToken);

        report.Succeeded.ShouldBeFalse(label);
        report.Problems.Select(p => p.ToString()).ShouldContain(p => p.StartsWith(expected, StringComparison.Ordinal),
            $"{label}: got {string.Join(" | ", report.Problems)}");
        await using var db = database.CreateDbContext();
        (await db.Products.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(0);
        (await db.Orders.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(0);
        (await db.Categories.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(0);
    }

    [Fact]
    public async Task ImportAsync_InvalidUtf8_RefusedWithEncodingMessage()
    {
        await using var database = await CreateDatabaseAsync();
        var bytes = System.Text.Encoding.Latin1.GetBytes(Products.Replace("Mud Crawler", "Mud Crawler Ã©lite \u00e9"));
        var files = Store() with { Products = new ImportSource("products.csv", () => new MemoryStream(bytes)) };

        var report = await database.CreateImporter().ImportAsync(files, ct: TestContext.Current.CancellationToken);

        report.Succeeded.ShouldBeFalse();
        report.Problems.ShouldContain(p => p.File == "products.csv" && p.Message.Contains("not valid UTF-8"));
    }

    [Fact]
    public async Task ImportAsync_ExistingData_UnchangedByARefusedImport()
    {
        await using var database = await CreateDatabaseAsync();
        var importer = database.CreateImporter();
        (await importer.ImportAsync(Store(), ct: TestContext.Current.CancellationToken)).Succeeded.ShouldBeTrue();
        const string more = """
            order_id,customer_id,ordered_at,sku,quantity,unit_price
            N1,C1,2025-06-01,RC-1,1,29.99
            N2,C1,2025-06-02,RC-1,x,29.99
            """;

        var report = await importer.ImportAsync(Store(null, null, null, more), ct: TestContext.Current.CancellationToken);

        report.Succeeded.ShouldBeFalse();
        await using var db = database.CreateDbContext();
        (await db.Orders.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(3);
    }
}
