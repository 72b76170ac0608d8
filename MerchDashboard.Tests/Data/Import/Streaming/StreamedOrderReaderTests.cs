using System.Globalization;
using System.Text;
using MerchDashboard.Data.Import;
using MerchDashboard.Data.Import.Cleaning;
using MerchDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Tests.Data.Import.Streaming;

/// <summary>
/// The streamed import (three readings of the file, orders written in batches) must store and report exactly what the
/// in-memory reference (<see cref="OrderReader"/> over <c>OrderCleaner</c>) does for the same file and the same store.
/// </summary>
public sealed class StreamedOrderReaderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<int> Seeds => new(Enumerable.Range(1, 24));

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task ImportAsync_MessyGenericFile_SameRowsReportAndProblemsAsTheInMemoryReader(int seed)
    {
        var options = new ImportOptions
        {
            MaxMiningOrderLines = seed % 3 == 0 ? 4 : 100, WriteBatchLines = 100, SkusIgnoreCase = seed % 5 != 4, ReportExamples = 3,
        };
        var orders = MessyOrderFile.Create(seed, orders: 20 + seed * 7 % 60, maxLines: seed % 4 == 0 ? 30 : 8);
        var rows = orders.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var prior = string.Join('\n', rows.Take(1 + (rows.Length - 1) / 3)) + "\n";
        string? products = seed % 4 != 1 ? null
            : "sku,name,brand,category_code,price,stock,active,tags\n"
              + string.Concat(Enumerable.Range(1, seed % 8 == 1 ? 36 : 40).Select(i => $"SKU-{i:00}{(i % 7 == 0 ? "A" : "")},P{i},B,toys,{i}.5,3,true,\n"));

        var last = await CompareAsync(options, $"seed {seed}", Files(prior, products), Files(orders, products));

        last.Succeeded.ShouldBe(seed % 8 != 1, "only the catalog without SKU-36 to SKU-40 leaves lines with unknown SKUs");
        if (!last.Succeeded)
        {
            last.Problems.ShouldContain(p => p.Message.Contains("is in neither the products file"));
        }
    }

    [Fact]
    public async Task MessyOrderFile_FirstSeeds_ExerciseEveryKindOfCleaningTheComparisonCovers()
    {
        var kinds = new HashSet<string>();
        foreach (var seed in new[] { 3, 4, 6 })
        {
            await using var database = await SqliteTestDatabase.CreateAsync();
            var orders = MessyOrderFile.Create(seed, orders: 20 + seed * 7 % 60, maxLines: seed % 4 == 0 ? 30 : 8);
            var report = await Importer(database, new ImportOptions { MaxMiningOrderLines = 4 }, inMemory: false).ImportAsync(Files(orders, null), ct: Ct);
            kinds.UnionWith(report.Cleaning.Select(k => k.Name));
        }

        string[] expected = [
            CleaningKinds.CancellationLinked, CleaningKinds.CancellationNetted, CleaningKinds.CancellationUnmatched, CleaningKinds.OrderFullyCancelled,
            CleaningKinds.LargeOrder, CleaningKinds.SkuSpelling, CleaningKinds.NonProduct,
        ];
        expected.Where(k => !kinds.Contains(k)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    public async Task ImportAsync_MessyOnlineRetailFile_SameRowsReportAndProblemsAsTheInMemoryReader(int seed)
    {
        var store = new MessyRetailStore(seed);
        var rows = store.Csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var prior = string.Join('\n', rows.Take(rows.Length / 4)) + "\n";

        var last = await CompareAsync(new ImportOptions { WriteBatchLines = 500 }, $"online retail seed {seed}", Files(prior, null), Files(store.Csv, null));

        last.Succeeded.ShouldBeTrue();
        last.DuplicateOrdersSkipped.ShouldBeGreaterThan(0, "the first import stored some of the orders");
    }

    /// <summary>Imports each file in turn into two fresh stores, one per reader, and compares every report and then every row.</summary>
    private static async Task<ImportReport> CompareAsync(ImportOptions options, string what, params StoreFiles[] imports)
    {
        await using var reference = await SqliteTestDatabase.CreateAsync();
        await using var streamed = await SqliteTestDatabase.CreateAsync();
        ImportReport? expected = null;
        for (var i = 0; i < imports.Length; i++)
        {
            expected = await Importer(reference, options, inMemory: true).ImportAsync(imports[i], ct: Ct);
            var actual = await Importer(streamed, options, inMemory: false).ImportAsync(imports[i], ct: Ct);

            Describe(actual).ShouldBe(Describe(expected), $"{what}, import {i + 1}");
        }
        (await DumpAsync(streamed)).ShouldBe(await DumpAsync(reference), what);
        if (expected!.Succeeded)
        {
            (await DumpAsync(streamed)).ShouldContain("\nL ", customMessage: $"{what}: order lines are stored, so the comparison says something");
        }
        return expected;
    }

    internal static StoreImporter Importer(SqliteTestDatabase database, ImportOptions options, bool inMemory, IBulkWriter? writer = null) =>
        new(database, writer ?? database.BulkWriter, TimeProvider.System, NullLogger<StoreImporter>.Instance, Options.Create(options))
        {
            CleanOrdersInMemory = inMemory,
        };

    internal static StoreFiles Files(string orders, string? products) => new()
    {
        Orders = ImportSource.FromText("orders.csv", orders),
        Products = products is null ? null : ImportSource.FromText("products.csv", products),
        Categories = products is null ? null : ImportSource.FromText("categories.csv", "code,name,parent_code\ntoys,Toys,\n"),
    };

    private static string Describe(ImportReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{report.Succeeded} {report.Added} skipped {report.SkippedRows} duplicates {report.DuplicateOrdersSkipped} layout {report.Layout}");
        text.AppendLine(CultureInfo.InvariantCulture, $"problems ({report.MoreProblems} more, truncated {report.ProblemsTruncated}):");
        report.Problems.ToList().ForEach(p => text.AppendLine(p.ToString()));
        foreach (var kind in report.Cleaning)
        {
            var examples = string.Join(" / ", kind.First.Select(e => $"{e.Line} {e.Text}"));
            text.AppendLine(CultureInfo.InvariantCulture, $"{kind.Name}: {kind.Count} rows, {kind.Units} units, {kind.Amount:0.######} {examples}");
        }
        report.Notes.ToList().ForEach(n => text.AppendLine(n));
        return text.ToString();
    }

    internal static async Task<string> DumpAsync(SqliteTestDatabase database)
    {
        await using var db = database.CreateDbContext();
        var rows = new StringBuilder();
        foreach (var c in await db.Categories.OrderBy(c => c.Id).ToListAsync(Ct))
        {
            rows.AppendLine(CultureInfo.InvariantCulture, $"G {c.Id} {c.Code} {c.Name} {c.ParentId}");
        }
        foreach (var p in await db.Products.OrderBy(p => p.Id).ToListAsync(Ct))
        {
            rows.AppendLine(CultureInfo.InvariantCulture, $"P {p.Id} {p.Sku} {p.Name} {p.CategoryId} {p.Price} {p.Stock} {p.IsActive}");
        }
        foreach (var c in await db.Customers.OrderBy(c => c.Id).ToListAsync(Ct))
        {
            rows.AppendLine(CultureInfo.InvariantCulture, $"C {c.Id} {c.ExternalId} {c.Arm} {c.CreatedAt:O}");
        }
        foreach (var o in await db.Orders.OrderBy(o => o.Id).ToListAsync(Ct))
        {
            rows.AppendLine(CultureInfo.InvariantCulture, $"O {o.Id} {o.ExternalId} {o.CustomerId} {o.PlacedAt:O} {o.Arm} {o.ExcludedFromMining} {o.Revenue} {o.Units}");
        }
        foreach (var l in await db.OrderLines.OrderBy(l => l.Id).ToListAsync(Ct))
        {
            rows.AppendLine(CultureInfo.InvariantCulture, $"L {l.Id} {l.OrderId} {l.ProductId} {l.Quantity} {l.UnitPrice} {l.Source}");
        }
        return rows.ToString();
    }
}
