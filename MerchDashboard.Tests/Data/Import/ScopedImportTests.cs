using System.Globalization;
using System.Text;
using MerchDashboard.Data.Import;
using MerchDashboard.Features.Ingest;
using MerchDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Tests.Data.Import;

/// <summary>
/// An API call's import reads only the products, customers and categories its batch references (<see cref="ImportScope"/>);
/// what it writes and reports must be what a read of the whole store gives.
/// </summary>
public sealed class ScopedImportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly ImportOptions TwoKeysPerQuery = new() { KeysPerLookup = 2 };

    private const string Customers = """
        customer_id,name,email,city,arm,created_at
        C1,Ada,ada@example.com,Leeds,cross-sell,2025-01-01
        C2,Ben,ben@example.com,York,control,2025-01-02
        C3,Cy,cy@example.com,Hull,personalization,2025-01-03
        """;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task ImportAsync_RandomBatchesWithAndWithoutScope_SameReportsAndSameRows(int seed)
    {
        await using var scoped = await StoreAsync();
        await using var full = await StoreAsync();
        var random = new Random(seed);
        for (var call = 0; call < 8; call++)
        {
            var (files, scope) = random.Next(2) == 0 ? ProductBatch(random) : OrderBatch(random, call);

            var withScope = await Importer(scoped).ImportAsync(files(), ct: Ct);
            var withoutScope = await Importer(full).ImportAsync(files() with { Scope = null }, ct: Ct);

            withScope.Succeeded.ShouldBe(withoutScope.Succeeded, $"seed {seed}, call {call}");
            withScope.Problems.Select(p => p.ToString()).ToArray().ShouldBe(withoutScope.Problems.Select(p => p.ToString()).ToArray(), customMessage: $"seed {seed}, call {call}");
            withScope.Added.ShouldBe(withoutScope.Added, $"seed {seed}, call {call}");
            withScope.DuplicateOrdersSkipped.ShouldBe(withoutScope.DuplicateOrdersSkipped);
            (await DumpAsync(scoped)).ShouldBe(await DumpAsync(full), $"seed {seed}, call {call} (scope: {string.Join(' ', scope.Skus)})");
        }
    }

    [Fact]
    public async Task LoadAsync_Scope_ReadsOnlyTheReferencedRowsMatchedAsTheImportMatchesThem()
    {
        await using var database = await StoreAsync();
        await using var db = database.CreateDbContext();
        var scope = new ImportScope(["RC-1", "bat-1", "NEW-1"], ["C2", "c3"], ["RC-CARS"]);

        var plan = await ImportPlan.LoadAsync(db, TwoKeysPerQuery, ["O1"], scope, Ct);

        plan.ProductsBySku.Keys.Order(StringComparer.Ordinal).ToArray().ShouldBe(new[] { "BAT-1", "RC-1" }, customMessage: "RC-1 exactly, BAT-1 ignoring case, NEW-1 is not stored");
        plan.ExistingProducts["bat-1"].Name.ShouldBe("AA Batteries 8-pack");
        plan.CustomersById.Keys.ToArray().ShouldBe(new[] { "C2" }, customMessage: "customer ids match exactly: c3 is not C3");
        plan.CategoriesByCode.Keys.ToArray().ShouldBe(new[] { "rc-cars" });
        plan.ExistingOrders.ToArray().ShouldBe(new[] { "O1" }, customMessage: "the one order id asked for, which the store holds");
    }

    [Fact]
    public async Task LoadAsync_ScopeWithANonAsciiSku_ReadsEveryProduct()
    {
        await using var database = await StoreAsync();
        await using var db = database.CreateDbContext();

        var plan = await ImportPlan.LoadAsync(db, TwoKeysPerQuery, [], new ImportScope(["RC-1", "ÄRC-9"], [], []), Ct);

        plan.ProductsBySku.Count.ShouldBe(await db.Products.CountAsync(Ct), "the databases fold case differently from .NET beyond ASCII");
    }

    [Fact]
    public async Task ImportAsync_ScopeWithACustomersFile_IsRefusedAsAProgrammingError()
    {
        await using var database = await StoreAsync();
        var files = StoreImporterTests.Store(null, null, Customers, null) with { Scope = new ImportScope([], ["C1"], []) };

        await Should.ThrowAsync<ArgumentException>(() => Importer(database).ImportAsync(files, ct: Ct));
    }

    private static async Task<SqliteTestDatabase> StoreAsync()
    {
        var database = await SqliteTestDatabase.CreateAsync();
        var report = await database.CreateImporter().ImportAsync(StoreImporterTests.Store(customers: Customers), ct: Ct);
        report.Succeeded.ShouldBeTrue(string.Join("\n", report.Problems));
        return database;
    }

    private static StoreImporter Importer(SqliteTestDatabase database) =>
        new(database, database.BulkWriter, TimeProvider.System, NullLogger<StoreImporter>.Instance, Options.Create(TwoKeysPerQuery));

    private static readonly string[] KnownSkus = ["RC-1", "rc-1", "RC-2", "Rc-2", "BAT-1", "bat-1"];
    private static readonly string[] CategoryCodes = ["rc-cars", "RC-CARS", "batteries", "Batteries", "toys"];

    /// <summary>Products as the catalog API sends them: known SKUs in any case, new ones, now and then an unknown category.</summary>
    private static (Func<StoreFiles>, ImportScope) ProductBatch(Random random)
    {
        var csv = new StringBuilder("sku,name,brand,category_code,price,stock,active,tags\n");
        var skus = new List<string>();
        var categories = new List<string>();
        foreach (var _ in Enumerable.Range(0, 1 + random.Next(5)))
        {
            var sku = random.Next(3) == 0 ? (random.Next(2) == 0 ? "NEW-" : "new-") + random.Next(4) : KnownSkus[random.Next(KnownSkus.Length)];
            if (skus.Contains(sku, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }
            var category = random.Next(15) == 0 ? "nowhere" : CategoryCodes[random.Next(CategoryCodes.Length)];
            skus.Add(sku);
            categories.Add(category);
            csv.Append(CultureInfo.InvariantCulture, $"{sku},Item {random.Next(3)},Brand,{category},{random.Next(1, 50)}.{random.Next(100):00},{random.Next(20)},{(random.Next(4) > 0 ? "true" : "false")},tag{random.Next(2)}\n");
        }
        var scope = new ImportScope(CatalogIngest.Keys(skus), [], CatalogIngest.Keys(categories));
        var text = csv.ToString();
        return (() => new StoreFiles { Products = ImportSource.FromText("products", text), Scope = scope, RequestMining = false }, scope);
    }

    /// <summary>Orders as the orders API sends them: ids that recur across calls, known and new customers, SKUs in any case, now and then one that may not exist yet.</summary>
    private static (Func<StoreFiles>, ImportScope) OrderBatch(Random random, int call)
    {
        var csv = new StringBuilder(OrderFile.ExpectedHeader + "\n");
        var skus = new List<string>();
        var customers = new List<string>();
        var ids = Enumerable.Range(0, 12).OrderBy(_ => random.Next()).Take(1 + random.Next(4)).ToList();
        foreach (var id in ids)
        {
            var customer = random.Next(4) switch { 0 => "", 1 => $"N{random.Next(3)}", _ => $"C{1 + random.Next(3)}" };
            customers.Add(customer);
            foreach (var _ in Enumerable.Range(0, 1 + random.Next(3)))
            {
                var sku = random.Next(8) == 0 ? $"new-{random.Next(4)}" : KnownSkus[random.Next(KnownSkus.Length)];
                skus.Add(sku);
                csv.Append(CultureInfo.InvariantCulture, $"O-{id},{customer},2025-0{1 + id % 9}-1{id % 10}T10:00:00Z,{sku},{1 + random.Next(3)},{random.Next(1, 30)}.{call}0\n");
            }
        }
        var scope = new ImportScope(CatalogIngest.Keys(skus), CatalogIngest.Keys(customers), []);
        var text = csv.ToString();
        return (() => new StoreFiles
        {
            Orders = ImportSource.FromText("orders", text), OrdersLayout = OrderLayout.Generic, RequireKnownSkus = true, RequestMining = false,
            OrderIds = [.. ids.Select(i => $"O-{i}")], Scope = scope,
        }, scope);
    }

    private static async Task<string> DumpAsync(SqliteTestDatabase database)
    {
        await using var db = database.CreateDbContext();
        var rows = new StringBuilder();
        foreach (var p in await db.Products.OrderBy(p => p.Id).ToListAsync(Ct))
        {
            rows.AppendLine(CultureInfo.InvariantCulture, $"P {p.Id} {p.Sku} {p.Name} {p.CategoryId} {p.Price} {p.Stock} {p.IsActive} {string.Join('|', p.Tags)}");
        }
        foreach (var c in await db.Customers.OrderBy(c => c.Id).ToListAsync(Ct))
        {
            rows.AppendLine(CultureInfo.InvariantCulture, $"C {c.Id} {c.ExternalId} {c.Arm}");
        }
        foreach (var o in await db.Orders.OrderBy(o => o.Id).ToListAsync(Ct))
        {
            rows.AppendLine(CultureInfo.InvariantCulture, $"O {o.Id} {o.ExternalId} {o.CustomerId} {o.PlacedAt:O} {o.Revenue} {o.Units}");
        }
        foreach (var l in await db.OrderLines.OrderBy(l => l.Id).ToListAsync(Ct))
        {
            rows.AppendLine(CultureInfo.InvariantCulture, $"L {l.Id} {l.OrderId} {l.ProductId} {l.Quantity} {l.UnitPrice}");
        }
        return rows.ToString();
    }
}
