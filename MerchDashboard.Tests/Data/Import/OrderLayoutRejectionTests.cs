using System.Text;
using MerchDashboard.Data.Import;
using MerchDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static MerchDashboard.Tests.Data.Import.OrderLayoutImportTests;

namespace MerchDashboard.Tests.Data.Import;

/// <summary>Malformed Online Retail and Shopify files are refused with a precise message and nothing written.</summary>
public class OrderLayoutRejectionTests
{
    public static TheoryData<string, string, string> Malformed => new()
    {
        { "unknown header", "id,when,what\n1,2,3", "orders.csv, line 1: the header matches none of: generic (order_id,…), online-retail (InvoiceNo,…), shopify (Name,…,Lineitem sku)" },
        { "retail truncated row", OnlineRetail.Replace("536365,71053,WHITE METAL LANTERN,6,12/1/2010 8:26,3.39,17850,United Kingdom", "536365,71053,WHITE METAL LANTERN"), "orders.csv, line 3: the row has 3 fields but the header has 8" },
        { "retail unclosed quote", OnlineRetail.Replace("\"HAND WARMER, UNION JACK\",6", "\"HAND WARMER, UNION JACK,6"), "orders.csv, line 4: a quote opens on this line and is never closed" },
        { "retail quote in the last row", OnlineRetail.Replace("536382,71053,WHITE METAL LANTERN", "536382,71053,\"WHITE METAL LANTERN"), "orders.csv, line 8: a quote opens on this line and is never closed" },
        { "retail decimal comma", OnlineRetail.Replace(",3.39,17850,", ",\"3,39\",17850,"), "orders.csv, line 3, field 'UnitPrice': '3,39' has a comma: a decimal comma is read only when named" },
        { "retail thousands separator", OnlineRetail.Replace(",6,12/1/2010 8:26,2.55", ",6,12/1/2010 8:26,\"1,234.55\""), "orders.csv, line 2, field 'UnitPrice': '1,234.55' has a comma" },
        { "retail SKU too long", OnlineRetail.Replace("85123A", new string('X', 300)), "orders.csv, line 2, field 'StockCode': is 300 characters long; the most is 64 (Import:MaxSkuLength)" },
        { "retail quantity too large", OnlineRetail.Replace("WHITE METAL LANTERN,6,", "WHITE METAL LANTERN,2000000,"), "orders.csv, line 3, field 'Quantity': 2000000 is above the maximum of 1000000" },
        { "retail non-numeric quantity", OnlineRetail.Replace("WHITE METAL LANTERN,6,", "WHITE METAL LANTERN,six,"), "orders.csv, line 3, field 'Quantity': 'six' is not a whole number" },
        { "retail impossible date", OnlineRetail.Replace("12/1/2010 8:28", "2/30/2010 8:28"), "orders.csv, line 4, field 'InvoiceDate': '2/30/2010 8:28' is not a valid date (expected 12/1/2010 8:26" },
        { "shopify impossible date", Shopify.Replace("2024-01-16 09:00:00 +0100,1", "2024-13-16 09:00:00 +0100,1"), "orders.csv, line 4, field 'Created at': '2024-13-16 09:00:00 +0100' is not a valid date" },
        { "shopify negative price", Shopify.Replace("3,Mud Crawler,49.50", "3,Mud Crawler,-49.50"), "orders.csv, line 5, field 'Lineitem price': -49.50 is negative" },
        { "shopify non-numeric quantity", Shopify.Replace("#1001,,,,,1,", "#1001,,,,,one,"), "orders.csv, line 3, field 'Lineitem quantity': 'one' is not a whole number" },
        { "shopify missing column", Shopify.Replace("Lineitem price", "Price"), "orders.csv, line 1, field 'Lineitem price': required column 'Lineitem price' is missing" },
        { "forced layout wrong header", StoreImporterTests.Orders, "orders.csv, line 1, field 'InvoiceNo': required column 'InvoiceNo' is missing" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task ImportAsync_MalformedOrders_RefusedWithPreciseMessageAndNothingWritten(string label, string orders, string expected)
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var layout = label == "forced layout wrong header" ? OrderLayout.OnlineRetail : (OrderLayout?)null;

        var report = await database.CreateImporter().ImportAsync(OrdersOnly(orders, layout), ct: TestContext.Current.CancellationToken);

        report.Succeeded.ShouldBeFalse(label);
        report.Problems.Select(p => p.ToString()).ShouldContain(p => p.StartsWith(expected, StringComparison.Ordinal),
            $"{label}: got {string.Join(" | ", report.Problems)}");
        await AssertEmptyAsync(database);
    }

    [Theory]
    [InlineData(50_000)]
    [InlineData(300_000)]
    public async Task ImportAsync_HugeHeaderOrField_IsNeverEchoedWhole(int length)
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var header = new string('H', length) + ",sku\n1,A\n";

        var report = await database.CreateImporter().ImportAsync(OrdersOnly(header), ct: TestContext.Current.CancellationToken);

        report.Succeeded.ShouldBeFalse();
        report.Problems.ShouldNotBeEmpty();
        report.Problems.ShouldAllBe(p => p.ToString().Length < 500);
        report.Problems[0].Line.ShouldBe(1);
    }

    [Fact]
    public async Task ImportAsync_DecimalCommaNamed_ReadsTwelveFiftyNotTwelveHundredFifty()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var text = "order_id,customer_id,ordered_at,sku,quantity,unit_price\nO1,C1,2025-01-01T10:00:00Z,A,2,\"12,50\"\n";

        var report = await database.CreateImporter().ImportAsync(OrdersOnly(text) with { DecimalSeparator = DecimalSeparator.Comma },
            ct: TestContext.Current.CancellationToken);

        report.Succeeded.ShouldBeTrue(string.Join("\n", report.Problems));
        report.Added.Revenue.ShouldBe(25.00m);
    }

    [Fact]
    public async Task ImportAsync_Utf16WithoutByteOrderMark_RefusedAsUtf16()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var bytes = new UnicodeEncoding(bigEndian: false, byteOrderMark: false).GetBytes(OnlineRetail);
        var files = new StoreFiles { Orders = new ImportSource("orders.csv", () => new MemoryStream(bytes)) };

        var report = await database.CreateImporter().ImportAsync(files, ct: TestContext.Current.CancellationToken);

        report.Problems.ShouldHaveSingleItem().ToString().ShouldBe(
            "orders.csv, line 1: the file looks like UTF-16 text without a byte-order mark (it holds NUL characters); save it as UTF-8");
        await AssertEmptyAsync(database);
    }

    [Fact]
    public async Task ImportAsync_Latin1Bytes_RefusedAsNotUtf8()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var bytes = Encoding.Latin1.GetBytes(Shopify.Replace("Mud Crawler", "Mud Crawler édition"));
        var files = new StoreFiles { Orders = new ImportSource("orders.csv", () => new MemoryStream(bytes)) };

        var report = await database.CreateImporter().ImportAsync(files, ct: TestContext.Current.CancellationToken);

        report.Succeeded.ShouldBeFalse();
        report.Problems.ShouldContain(p => p.File == "orders.csv" && p.Message.Contains("not valid UTF-8"));
        await AssertEmptyAsync(database);
    }

    private static async Task AssertEmptyAsync(SqliteTestDatabase database)
    {
        await using var db = database.CreateDbContext();
        (await db.Orders.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(0);
        (await db.Products.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(0);
        (await db.Customers.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(0);
    }
}
