using System.Diagnostics;
using MerchDashboard.Data;
using MerchDashboard.Data.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace MerchDashboard.Cli.Benchmarks;

/// <summary>
/// Generates an Online Retail-sized file, then imports it into a fresh SQLite database in a temporary
/// folder (read, validate, write in one transaction), timing each part and the process's peak memory.
/// </summary>
public static class ImportBenchmark
{
    public static async Task<Dictionary<string, object>> RunAsync(int lines, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("merch-import-bench-").FullName;
        var figures = new Dictionary<string, object> { ["lines"] = lines, ["cores"] = Environment.ProcessorCount };
        try
        {
            var path = Path.Combine(folder, "online-retail.csv");
            var clock = Stopwatch.StartNew();
            using (var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false), 1 << 16))
            {
                OnlineRetailFileGenerator.Write(writer, lines);
            }
            figures["generateMs"] = clock.ElapsedMilliseconds;
            figures["fileBytes"] = new FileInfo(path).Length;

            var options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "bench.db")}").Options;
            var factory = new Factory(options);
            await using (var db = factory.CreateDbContext())
            {
                await db.Database.MigrateAsync(ct);
            }
            GC.Collect();
            using var importer = new StoreImporter(factory, new SqliteBulkWriter(), TimeProvider.System, NullLogger<StoreImporter>.Instance);
            var readingMs = 0L;
            clock.Restart();
            var timed = new Progress<ImportProgress>(p =>
            {
                if (p.Stage.StartsWith("Writing", StringComparison.Ordinal) && readingMs == 0)
                {
                    readingMs = clock.ElapsedMilliseconds;
                }
                progress?.Report(p);
            });
            var report = await importer.ImportAsync(new StoreFiles { Orders = ImportSource.FromFile(path) }, timed, ct);
            figures["importMs"] = clock.ElapsedMilliseconds;
            figures["readAndValidateMs"] = readingMs;
            figures["succeeded"] = report.Succeeded;
            figures["orders"] = report.Added.Orders;
            figures["orderLines"] = report.Added.OrderLines;
            figures["products"] = report.Added.Products;
            figures["customers"] = report.Added.Customers;
            figures["skippedRows"] = report.SkippedRows;
            using var process = Process.GetCurrentProcess();
            figures["peakWorkingSetBytes"] = process.PeakWorkingSet64;
            return figures;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class Factory(DbContextOptions<SqliteAppDbContext> options) : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext() => new SqliteAppDbContext(options);
    }
}
