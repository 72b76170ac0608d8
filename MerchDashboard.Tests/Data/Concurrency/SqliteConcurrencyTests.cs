using MerchDashboard.Data;
using MerchDashboard.Data.Entities;
using MerchDashboard.Data.Import;
using MerchDashboard.Tests.Data.Import;
using MerchDashboard.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Tests.Data.Concurrency;

/// <summary>Two writers on one SQLite file, as two processes would be: imports that overlap, first starts that race, a save during an import.</summary>
public sealed class SqliteConcurrencyTests : IAsyncLifetime
{
    private const string OtherOrders = """
        order_id,customer_id,ordered_at,sku,quantity,unit_price,product_name,category,source
        X1,C9,2025-05-01T10:00:00Z,NEW-1,1,10.00,New thing,gadgets,organic
        X1,C9,2025-05-01T10:00:00Z,NEW-2,2,5.00,Other thing,gadgets,organic
        """;

    private SqliteTestDatabase _database = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _database = await SqliteTestDatabase.CreateAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Import_AnotherImportCommitsWhileThisOneIsRead_BothSucceedWithDistinctIds()
    {
        var first = _database.CreateImporter();
        var second = _database.CreateImporter();
        // The second import runs to completion after the first read its ids and before it writes.
        var interleave = new RunOnceOnFirstReport(() => second.ImportAsync(new StoreFiles { Orders = ImportSource.FromText("orders.csv", OtherOrders) }));

        var firstReport = await first.ImportAsync(StoreImporterTests.Store(), interleave, Ct);

        var secondReport = interleave.Result;
        secondReport.ShouldNotBeNull().Succeeded.ShouldBeTrue(string.Join("; ", secondReport.Problems));
        firstReport.Succeeded.ShouldBeTrue(string.Join("; ", firstReport.Problems));
        await using var db = _database.CreateDbContext();
        (await db.Orders.Select(o => o.ExternalId).OrderBy(id => id).ToListAsync(Ct)).ShouldBe(["O1", "O2", "O3", "X1"]);
        (await db.OrderLines.CountAsync(Ct)).ShouldBe(6);
        (await db.Products.Select(p => p.Sku).OrderBy(s => s).ToListAsync(Ct)).ShouldBe(["BAT-1", "NEW-1", "NEW-2", "RC-1", "RC-2"]);
    }

    [Fact]
    public async Task Initialize_TwoInstancesOnAnEmptyDatabase_OneImportsTheDemoStoreOnce()
    {
        var seed = Path.Combine(Path.GetTempPath(), "merch-seed-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(seed);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(seed, StoreFiles.CategoriesFile), StoreImporterTests.Categories, Ct);
            await File.WriteAllTextAsync(Path.Combine(seed, StoreFiles.ProductsFile), StoreImporterTests.Products, Ct);
            await File.WriteAllTextAsync(Path.Combine(seed, StoreFiles.CustomersFile), StoreImporterTests.Customers, Ct);
            await File.WriteAllTextAsync(Path.Combine(seed, StoreFiles.OrdersFile), StoreImporterTests.Orders, Ct);

            var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => Initializer(seed).InitializeAsync(Ct))));

            results.Count(imported => imported).ShouldBe(1);
            await using var db = _database.CreateDbContext();
            (await db.Orders.CountAsync(Ct)).ShouldBe(3);
            (await db.Products.CountAsync(Ct)).ShouldBe(3);
        }
        finally
        {
            Directory.Delete(seed, recursive: true);
        }
    }

    [Fact]
    public async Task Save_AnotherConnectionHoldsTheWriteLockPastTheTimeout_PlainMessageNothingSaved()
    {
        await using var blocker = new SqliteConnection(_database.ConnectionString);
        await blocker.OpenAsync(Ct);
        await using var transaction = (SqliteTransaction)await blocker.BeginTransactionAsync(Ct);
        await using var db = BusyAwareContext(TimeSpan.FromSeconds(1));
        db.AppSettings.Add(new AppSetting { Key = "busy-test", Value = "x", UpdatedBy = "test" });

        var error = await Should.ThrowAsync<DatabaseBusyException>(() => db.SaveChangesAsync(Ct));

        error.Message.ShouldStartWith("The database is busy with another write");
        error.Message.ShouldNotContain("locked");
        await transaction.RollbackAsync(Ct);
        await using var check = _database.CreateDbContext();
        (await check.AppSettings.AnyAsync(s => s.Key == "busy-test", Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task Save_AnotherWriteFinishesWithinTheTimeout_WaitsAndSaves()
    {
        await using var blocker = new SqliteConnection(_database.ConnectionString);
        await blocker.OpenAsync(Ct);
        var transaction = (SqliteTransaction)await blocker.BeginTransactionAsync(Ct);
        await using var db = BusyAwareContext(TimeSpan.FromSeconds(20));
        db.AppSettings.Add(new AppSetting { Key = "wait-test", Value = "x", UpdatedBy = "test" });

        // Microsoft.Data.Sqlite waits synchronously, so the save runs on another thread.
        var save = Task.Run(() => db.SaveChangesAsync(Ct), Ct);
        await Task.Delay(500, Ct);
        save.IsCompleted.ShouldBeFalse("the save waits for the other writer");
        await transaction.CommitAsync(Ct);
        await transaction.DisposeAsync();

        (await save).ShouldBe(1);
    }

    private SqliteAppDbContext BusyAwareContext(TimeSpan timeout) => new(new DbContextOptionsBuilder<SqliteAppDbContext>()
        .UseSqlite($"{_database.ConnectionString};Default Timeout={(int)timeout.TotalSeconds}", o => o.CommandTimeout((int)timeout.TotalSeconds))
        .AddInterceptors(new DatabaseBusyInterceptor(timeout)).Options);

    private DatabaseInitializer Initializer(string seed) => new(
        _database, _database.CreateImporter(),
        Options.Create(new DatabaseOptions { SeedFolder = seed, SeedDemoStore = true }),
        new HostingEnvironment { EnvironmentName = "Production", ContentRootPath = seed },
        NullLogger<DatabaseInitializer>.Instance);

    /// <summary>Runs another import to completion, synchronously, the first time the import under test reports progress.</summary>
    private sealed class RunOnceOnFirstReport(Func<Task<ImportReport>> other) : IProgress<ImportProgress>
    {
        public ImportReport? Result { get; private set; }

        public void Report(ImportProgress value) => Result ??= Task.Run(other).GetAwaiter().GetResult();
    }
}
