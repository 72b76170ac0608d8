using MerchDashboard.Data;
using MerchDashboard.Data.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace MerchDashboard.Tests.TestSupport;

/// <summary>
/// A migrated SQLite database in its own temporary folder, with a context factory and a
/// <see cref="StoreImporter"/> over it; the folder is deleted on dispose.
/// </summary>
public sealed class SqliteTestDatabase : IAsyncDisposable
{
    private readonly string _folder;

    public IDbContextFactory<AppDbContext> Factory { get; }
    public StoreImporter Importer { get; }
    public string ConnectionString { get; }

    private SqliteTestDatabase(string folder, TimeProvider time)
    {
        _folder = folder;
        // No pooling, so that no connection keeps the file open when the folder is deleted.
        ConnectionString = $"Data Source={Path.Combine(folder, "test.db")};Pooling=False";
        Factory = new ContextFactory(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(ConnectionString).Options);
        Importer = new StoreImporter(Factory, new SqliteBulkWriter(), time, NullLogger<StoreImporter>.Instance);
    }

    public static async Task<SqliteTestDatabase> CreateAsync(TimeProvider? time = null, CancellationToken ct = default)
    {
        var folder = Path.Combine(Path.GetTempPath(), "merchdashboard-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = new SqliteTestDatabase(folder, time ?? TimeProvider.System);
        await using var db = await database.Factory.CreateDbContextAsync(ct);
        await db.Database.MigrateAsync(ct);
        return database;
    }

    public ValueTask DisposeAsync()
    {
        Importer.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; failing the test for it is not.
        }
        return ValueTask.CompletedTask;
    }

    private sealed class ContextFactory(DbContextOptions<SqliteAppDbContext> options) : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext() => new SqliteAppDbContext(options);
    }
}
