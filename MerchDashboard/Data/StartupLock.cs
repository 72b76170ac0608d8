using MerchDashboard.Data.Postgres;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MerchDashboard.Data;

/// <summary>
/// Held while an instance migrates the database and decides whether to import the demo store, so two
/// instances started together on an empty database never both import it: on PostgreSQL a session advisory
/// lock, on SQLite an exclusive lock on a file beside the database (the OS releases both if the process dies).
/// </summary>
public sealed class StartupLock : IAsyncDisposable
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromMilliseconds(200);

    private readonly AppDbContext? _postgres;
    private readonly FileStream? _file;

    private StartupLock(AppDbContext? postgres, FileStream? file)
    {
        _postgres = postgres;
        _file = file;
    }

    public static async Task<StartupLock> AcquireAsync(IDbContextFactory<AppDbContext> dbFactory, CancellationToken ct)
    {
        var db = await dbFactory.CreateDbContextAsync(ct);
        if (db is PostgresAppDbContext)
        {
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock(7242031002)", ct);
            return new StartupLock(db, null);
        }
        var source = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        await db.DisposeAsync();
        if (string.IsNullOrEmpty(source) || source == ":memory:" || source.StartsWith("file:", StringComparison.Ordinal))
        {
            return new StartupLock(null, null);
        }
        while (true)
        {
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = DataFolderPermissions.File;
                }
                return new StartupLock(null, new FileStream(source + ".startup-lock", options));
            }
            catch (IOException)
            {
                // Another instance is starting on this database; its import may take a while.
                await Task.Delay(RetryEvery, ct);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock(7242031002)");
            await _postgres.Database.CloseConnectionAsync();
            await _postgres.DisposeAsync();
        }
        if (_file is not null)
        {
            await _file.DisposeAsync();
        }
    }
}
