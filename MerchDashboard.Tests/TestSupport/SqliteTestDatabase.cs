using MerchDashboard.Data;
using MerchDashboard.Data.Import;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace MerchDashboard.Tests.TestSupport;

/// <summary>A migrated SQLite database in a temporary file, deleted on dispose.</summary>
public sealed class SqliteTestDatabase : ITestDatabase
{
    private readonly string _folder;

    public string ConnectionString { get; }
    public DbContextOptions<SqliteAppDbContext> Options { get; }

    private SqliteTestDatabase()
    {
        _folder = Path.Combine(Path.GetTempPath(), "merch-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        ConnectionString = $"Data Source={Path.Combine(_folder, "test.db")}";
        Options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(ConnectionString).Options;
    }

    public static async Task<SqliteTestDatabase> CreateAsync()
    {
        var database = new SqliteTestDatabase();
        await using var db = database.CreateDbContext();
        await db.Database.MigrateAsync();
        return database;
    }

    public AppDbContext CreateDbContext() => new SqliteAppDbContext(Options);

    public IBulkWriter BulkWriter { get; } = new SqliteBulkWriter();

    public StoreImporter CreateImporter(TimeProvider? time = null) =>
        new(this, BulkWriter, time ?? TimeProvider.System, NullLogger<StoreImporter>.Instance);

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a pooled connection on another thread: the temp folder is cleaned later.
        }
        return ValueTask.CompletedTask;
    }
}
