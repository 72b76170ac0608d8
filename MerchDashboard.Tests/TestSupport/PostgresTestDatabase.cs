using MerchDashboard.Data;
using MerchDashboard.Data.Import;
using MerchDashboard.Data.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace MerchDashboard.Tests.TestSupport;

/// <summary>
/// A migrated PostgreSQL database with a random name on the server named by <see cref="EnvironmentVariable"/>
/// (CI starts one). Without the variable the calling test is skipped. Creating a database costs about half a
/// second, so a disposed one is emptied (rows deleted, sequences restarted) and handed to the next test; the
/// first ones are copies of a template migrated once per run. All are dropped when the run ends.
/// </summary>
public sealed class PostgresTestDatabase : ITestDatabase
{
    public const string EnvironmentVariable = "MERCH_TEST_POSTGRES";
    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static string? _template;
    private static readonly System.Collections.Concurrent.ConcurrentBag<string> Free = [];
    private static readonly System.Collections.Concurrent.ConcurrentBag<string> Created = [];
    private readonly bool _reusable;

    public string ConnectionString { get; }
    public string Name { get; }
    public DbContextOptions<PostgresAppDbContext> Options { get; }
    public IBulkWriter BulkWriter { get; } = new PostgresBulkWriter();

    private PostgresTestDatabase(string name, bool reusable = false)
    {
        Name = name;
        _reusable = reusable;
        ConnectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString()) { Database = name }.ConnectionString;
        Options = new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(ConnectionString).Options;
    }

    /// <summary>The server's connection string, or skips the test when none is configured.</summary>
    public static string ServerConnectionString()
    {
        var value = Environment.GetEnvironmentVariable(EnvironmentVariable);
        Assert.SkipWhen(string.IsNullOrWhiteSpace(value), $"{EnvironmentVariable} is not set: no PostgreSQL to test against.");
        return value!;
    }

    /// <summary>A migrated, empty database.</summary>
    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        if (Free.TryTake(out var name))
        {
            return new PostgresTestDatabase(name, reusable: true);
        }
        var template = await TemplateAsync();
        var database = new PostgresTestDatabase(NewName(), reusable: true);
        await ExecuteOnServerAsync($"CREATE DATABASE \"{database.Name}\" TEMPLATE \"{template}\"");
        Created.Add(database.Name);
        return database;
    }

    /// <summary>An empty database without tables, for the app to migrate itself.</summary>
    public static async Task<PostgresTestDatabase> CreateEmptyAsync()
    {
        var database = new PostgresTestDatabase(NewName());
        await ExecuteOnServerAsync($"CREATE DATABASE \"{database.Name}\"");
        return database;
    }

    public AppDbContext CreateDbContext() => new PostgresAppDbContext(Options);

    public StoreImporter CreateImporter(TimeProvider? time = null) =>
        new(this, BulkWriter, time ?? TimeProvider.System, NullLogger<StoreImporter>.Instance);

    public async ValueTask DisposeAsync()
    {
        if (_reusable)
        {
            await EmptyAsync();
            Free.Add(Name);
            return;
        }
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private async Task EmptyAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            DO $$ DECLARE r record; BEGIN
              SET LOCAL session_replication_role = replica;
              FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '__EFMigrationsHistory' LOOP
                EXECUTE format('DELETE FROM public.%I', r.tablename);
              END LOOP;
              FOR r IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'S' AND n.nspname = 'public' LOOP
                EXECUTE format('ALTER SEQUENCE public.%I RESTART', r.relname);
              END LOOP;
            END $$
            """, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string NewName() => "merch_test_" + Guid.NewGuid().ToString("N");

    private static async Task<string> TemplateAsync()
    {
        await TemplateGate.WaitAsync();
        try
        {
            if (_template is null)
            {
                var template = new PostgresTestDatabase("merch_template_" + Guid.NewGuid().ToString("N"));
                await ExecuteOnServerAsync($"CREATE DATABASE \"{template.Name}\"");
                await using (var db = template.CreateDbContext())
                {
                    await db.Database.MigrateAsync();
                }
                // A template must have no open connections while it is copied.
                NpgsqlConnection.ClearAllPools();
                _template = template.Name;
                AppDomain.CurrentDomain.ProcessExit += (_, _) =>
                {
                    foreach (var name in Created.Append(template.Name))
                    {
                        ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)").GetAwaiter().GetResult();
                    }
                };
            }
            return _template;
        }
        finally
        {
            TemplateGate.Release();
        }
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        var server = new NpgsqlConnectionStringBuilder(ServerConnectionString()) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
