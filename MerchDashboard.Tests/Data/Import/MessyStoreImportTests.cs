using System.Globalization;
using MerchDashboard.Cli;
using MerchDashboard.Data.Import;
using MerchDashboard.Data.Import.Cleaning;
using MerchDashboard.Features.Mining;
using MerchDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Tests.Data.Import;

/// <summary>The "Done when" fixture of issue 13: a generated Online Retail store with real-world mess, imported and cleaned.</summary>
public class MessyStoreImportTests
{
    private static readonly MessyRetailStore Store = new(seed: 13);

    private static StoreFiles Files => new() { Orders = ImportSource.FromText("messy.csv", Store.Csv), OrdersLayout = OrderLayout.OnlineRetail };

    [Fact]
    public void Fixture_HasTheMessItPromises()
    {
        Store.LongestBasket.ShouldBeGreaterThanOrEqualTo(700);
        (Store.CancellationRowsNetted, Store.CancellationRowsUnmatched, Store.FullyCancelledOrders).ShouldSatisfyAllConditions(
            c => c.CancellationRowsNetted.ShouldBeGreaterThan(20),
            c => c.CancellationRowsUnmatched.ShouldBeGreaterThan(3),
            c => c.FullyCancelledOrders.ShouldBeGreaterThan(3));
        Store.FeeRows.ShouldBeGreaterThan(100);
        Store.SkuSpellings.ShouldBeGreaterThan(5);
        Store.ZeroPriceRows.ShouldBeGreaterThan(10);
    }

    [Fact]
    public async Task ImportAsync_MessyStore_ReportCountsEachKindAsGenerated()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();

        var report = await database.CreateImporter().ImportAsync(Files, ct: TestContext.Current.CancellationToken);

        report.Succeeded.ShouldBeTrue(string.Join("\n", report.Problems));
        var counts = report.SkippedByReason;
        counts[CleaningKinds.NonProduct].ShouldBe(Store.FeeRows);
        counts[CleaningKinds.NonPositivePrice].ShouldBe(Store.ZeroPriceRows);
        counts[CleaningKinds.CancellationNetted].ShouldBe(Store.CancellationRowsNetted);
        counts[CleaningKinds.CancellationUnmatched].ShouldBe(Store.CancellationRowsUnmatched);
        counts[CleaningKinds.OrderFullyCancelled].ShouldBe(Store.FullyCancelledOrders);
        counts[CleaningKinds.LargeOrder].ShouldBe(Store.LargeOrders);
        counts[CleaningKinds.SkuSpelling].ShouldBe(Store.SkuSpellings);
        counts.ShouldNotContainKey(CleaningKinds.CancellationLinked, "the layout does not name the cancelled invoice");
        report.Cleaning.Single(k => k.Name == CleaningKinds.NonProduct).Amount.ShouldBe(Store.FeeAmount);
        report.Cleaning.ShouldAllBe(k => k.First.Count == Math.Min(k.Count, 5) && k.First.All(e => e.Line > 1));
        report.Added.Orders.ShouldBe(Store.Orders);
    }

    [Fact]
    public async Task ImportAsync_MessyStore_NetRevenueAndQuantitiesAfterCancellations()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();

        var report = await database.CreateImporter().ImportAsync(Files, ct: TestContext.Current.CancellationToken);

        report.Added.Revenue.ShouldBe(Store.NetRevenue);
        await using var db = database.CreateDbContext();
        var lines = await db.OrderLines.Select(l => new { Invoice = l.Order!.ExternalId, Sku = l.Product!.Sku, l.Quantity }).ToListAsync(TestContext.Current.CancellationToken);
        lines.ToDictionary(l => (l.Invoice, l.Sku.ToUpperInvariant()), l => l.Quantity).ShouldBe(Store.NetQuantities, ignoreOrder: true);
        (await db.Orders.SumAsync(o => o.Revenue, TestContext.Current.CancellationToken)).ShouldBe(Store.NetRevenue);
        (await db.Orders.SumAsync(o => (long)o.Units, TestContext.Current.CancellationToken)).ShouldBe(Store.NetUnits);
    }

    [Fact]
    public async Task ImportAsync_MessyStore_NoFeeCodeIsAProductAndCaseDuplicatesMerge()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();

        await database.CreateImporter().ImportAsync(Files, ct: TestContext.Current.CancellationToken);

        await using var db = database.CreateDbContext();
        var products = await db.Products.ToListAsync(TestContext.Current.CancellationToken);
        products.Select(p => p.Sku).ShouldNotContain(s => Store.FeeCodesUsed.Contains(s.ToUpperInvariant()));
        products.Select(p => p.Sku.ToUpperInvariant()).Distinct().Count().ShouldBe(products.Count);
        products.ShouldNotContain(p => p.Sku.Any(char.IsLower), "the first spelling met is the upper-case one");
        products.ShouldAllBe(p => p.Stock == null);
    }

    [Fact]
    public async Task MiningJob_MessyStore_LeavesLargeOrdersOut()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await database.CreateImporter().ImportAsync(Files, ct: TestContext.Current.CancellationToken);
        await using (var db = database.CreateDbContext())
        {
            (await db.Orders.CountAsync(o => o.ExcludedFromMining, TestContext.Current.CancellationToken)).ShouldBe(Store.LargeOrders);
        }
        var settings = new MiningSettingsStore(database, Options.Create(new MiningOptions()), TimeProvider.System);
        using var job = new MiningJob(database, new SqliteBulkWriter(), settings, TimeProvider.System, NullLogger<MiningJob>.Instance);

        var outcome = await job.RunAsync("test", TestContext.Current.CancellationToken);

        outcome.Succeeded.ShouldBeTrue(outcome.Message);
        outcome.Message.ShouldStartWith($"Mined {(Store.Orders - Store.LargeOrders).ToString("N0", CultureInfo.CurrentCulture)} orders");
    }

    [Fact]
    public void BasketsOf_MessyStore_HoldNoFeeCodeAndNoLargeOrder()
    {
        var tally = new CleaningTally(5);
        var file = OrderFile.Read(ImportSource.FromText("messy.csv", Store.Csv), null, new ImportOptions(), new ProblemLog(), tally, null, TestContext.Current.CancellationToken)!;
        var cleaned = new OrderCleaner(new ImportOptions()).Clean(file.Rows, file.ZeroPriceIsNoise, tally);

        var baskets = MiningInput.BasketsOf(cleaned);

        baskets.Baskets.BasketCount.ShouldBe(Store.Orders - Store.LargeOrders);
        baskets.Labels.ShouldNotContain(l => Store.FeeCodesUsed.Contains(l));
        Enumerable.Range(0, baskets.Baskets.BasketCount).Max(b => baskets.Baskets.Basket(b).Length).ShouldBeLessThanOrEqualTo(100);
    }
}
