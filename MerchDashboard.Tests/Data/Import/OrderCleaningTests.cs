using MerchDashboard.Data.Entities;
using MerchDashboard.Data.Import;
using MerchDashboard.Data.Import.Cleaning;
using MerchDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace MerchDashboard.Tests.Data.Import;

/// <summary>The cleaning on small files whose outcome is worked out by hand in each test.</summary>
public class OrderCleaningTests
{
    private const string GenericHeader = "order_id,customer_id,ordered_at,sku,quantity,unit_price,product_name,category,original_order_id\n";

    [Fact]
    public void Clean_GenericReturns_SubtractFromTheNamedOrderThenTheCustomersLatestEarlierOrder()
    {
        var cleaned = Clean(GenericHeader
            + "O1,C1,2025-01-01T10:00:00Z,A,5,2.00,,,\n"
            + "O2,C1,2025-01-05T10:00:00Z,A,3,2.00,,,\n"
            + "O2,C1,2025-01-05T10:00:00Z,BAG,1,9.00,,,\n"
            + "R1,C1,2025-01-06T10:00:00Z,A,-4,2.00,,,O1\n"   // linked: O1's A 5 -> 1
            + "R2,C1,2025-01-07T10:00:00Z,A,-2,2.00,,,\n"     // netted: latest earlier order O2: A 3 -> 1
            + "R3,C1,2025-01-08T10:00:00Z,A,-3,2.00,,,\n"     // netted: O2 A 1 -> 0, then O1 A 1 -> 0, 1 unit unmatched
            + "R4,,2025-01-08T10:00:00Z,BAG,-1,9.00,,,\n",      // no customer, no link: unmatched
            out var tally);

        var lines = cleaned.Orders.SelectMany(o => o.Lines.Select(l => (o.OrderId, l.Sku, l.Quantity))).ToList();
        lines.ShouldBe([("O2", "BAG", 1)]);
        cleaned.Orders.Single().Revenue.ShouldBe(9.00m);
        tally.Count(CleaningKinds.CancellationLinked).ShouldBe(1);
        tally.Count(CleaningKinds.CancellationNetted).ShouldBe(2);
        tally.Count(CleaningKinds.CancellationUnmatched).ShouldBe(2);
        tally.Count(CleaningKinds.OrderFullyCancelled).ShouldBe(1); // O1
        var unmatched = tally.Kinds.Single(k => k.Name == CleaningKinds.CancellationUnmatched);
        (unmatched.Units, unmatched.Amount).ShouldBe((2L, -(1 * 2.00m + 1 * 9.00m)));
        unmatched.First.Select(e => e.Line).ShouldBe([7L, 8L]);
    }

    [Fact]
    public void Clean_NewProduct_TakesItsMostCommonPriceAndTheFirstSpellingOfItsSku()
    {
        var cleaned = Clean(GenericHeader
            + "O1,C1,2025-01-01T10:00:00Z,85123A,1,2.55,Heart,,\n"
            + "O2,C1,2025-01-02T10:00:00Z,85123a,1,2.95,,,\n"
            + "O3,C2,2025-01-03T10:00:00Z,85123A,1,2.95,,,\n"
            + "O4,C2,2025-01-04T10:00:00Z,85123a,1,2.10,,,\n",
            out var tally);

        var seed = cleaned.Products.ShouldHaveSingleItem().Value;
        (seed.Sku, seed.Name, seed.MostCommonPrice).ShouldBe(("85123A", "Heart", 2.95m));
        tally.Count(CleaningKinds.SkuSpelling).ShouldBe(1);
        cleaned.Orders.SelectMany(o => o.Lines).ShouldAllBe(l => l.Sku == "85123A");
    }

    [Fact]
    public void Clean_CaseSensitiveSkus_WhenConfigured_KeepTwoProducts()
    {
        var cleaned = Clean(GenericHeader + "O1,C1,2025-01-01T10:00:00Z,x1,1,1.00,,,\nO2,C1,2025-01-02T10:00:00Z,X1,1,1.00,,,\n",
            out _, new ImportOptions { SkusIgnoreCase = false });

        cleaned.Products.Keys.ShouldBe(["x1", "X1"], ignoreOrder: true);
    }

    [Fact]
    public void Clean_FeeLinesByCodeOrPattern_AreLeftOutWithTheirAmount()
    {
        var options = new ImportOptions { NonProductCodes = ["SHIP"], NonProductPatterns = ["^gift wrap"] };
        var cleaned = Clean(GenericHeader
            + "O1,C1,2025-01-01T10:00:00Z,A,2,5.00,Mug,,\n"
            + "O1,C1,2025-01-01T10:00:00Z,ship,1,4.95,Shipping,,\n"
            + "O1,C1,2025-01-01T10:00:00Z,W7,1,1.50,Gift wrap (red),,\n"
            + "O1,C1,2025-01-01T10:00:00Z,POST,1,3.00,,,\n",
            out var tally, options);

        cleaned.Orders.Single().Lines.Select(l => l.Sku).ShouldBe(["A", "POST"], "POST is a default code, replaced here by the configured list");
        var fees = tally.Kinds.Single(k => k.Name == CleaningKinds.NonProduct);
        (fees.Count, fees.Amount).ShouldBe((2L, 4.95m + 1.50m));
    }

    [Fact]
    public void Clean_OrderWithMoreDistinctProductsThanTheLimit_IsKeptButLeftOutOfMining()
    {
        var rows = string.Concat(Enumerable.Range(0, 4).Select(i => $"BIG,,2025-01-01T10:00:00Z,S{i},1,1.00,,,\n"))
            + "SMALL,,2025-01-01T10:00:00Z,S0,1,1.00,,,\nSMALL,,2025-01-01T10:00:00Z,S1,1,1.00,,,\n";

        var cleaned = Clean(GenericHeader + rows, out var tally, new ImportOptions { MaxMiningOrderLines = 3 });

        cleaned.Orders.Single(o => o.OrderId == "BIG").ExcludedFromMining.ShouldBeTrue();
        cleaned.Orders.Single(o => o.OrderId == "SMALL").ExcludedFromMining.ShouldBeFalse();
        tally.Kinds.Single(k => k.Name == CleaningKinds.LargeOrder).First.ShouldHaveSingleItem().ShouldBe(new CleaningExample(2, "order BIG: 4 products, no customer"));
    }

    [Fact]
    public async Task ImportAsync_CategoryNamedAsAnExistingOne_MapsToItIgnoringCase()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await using (var db = database.CreateDbContext())
        {
            var department = new Category { Code = "electronics", Name = "Electronics" };
            db.Categories.Add(department);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            db.Categories.Add(new Category { Code = "chargers", Name = "Chargers & cables", ParentId = department.Id });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        var text = "order_id,customer_id,ordered_at,sku,quantity,unit_price,product_name,category\n"
            + "O1,C1,2025-01-01T10:00:00Z,USB-C,1,9.99,Cable,chargers & CABLES\n"
            + "O1,C1,2025-01-01T10:00:00Z,LAMP,1,19.99,Lamp,Lighting\n";

        var report = await database.CreateImporter().ImportAsync(new StoreFiles { Orders = ImportSource.FromText("orders.csv", text) },
            ct: TestContext.Current.CancellationToken);

        report.Succeeded.ShouldBeTrue(string.Join("\n", report.Problems));
        report.Added.Categories.ShouldBe(2, "Lighting and its Imported department; nothing for Chargers & cables");
        await using var check = database.CreateDbContext();
        var cable = await check.Products.Include(p => p.Category).SingleAsync(p => p.Sku == "USB-C", TestContext.Current.CancellationToken);
        cable.Category!.Code.ShouldBe("chargers");
        (await check.Categories.ToListAsync(TestContext.Current.CancellationToken))
            .Count(c => string.Equals(c.Name, "Chargers & cables", StringComparison.OrdinalIgnoreCase)).ShouldBe(1);
    }

    private static CleanedOrders Clean(string text, out CleaningTally tally, ImportOptions? options = null)
    {
        options ??= new ImportOptions();
        tally = new CleaningTally(options.ReportExamples);
        var log = new ProblemLog();
        var file = OrderFile.Read(ImportSource.FromText("orders.csv", text), null, options, log, tally, null, TestContext.Current.CancellationToken);
        log.Problems.ShouldBeEmpty();
        return new OrderCleaner(options).Clean(file!.Rows, file.ZeroPriceIsNoise, tally);
    }
}
