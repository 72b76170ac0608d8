using System.ComponentModel.DataAnnotations;

namespace MerchDashboard.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Where the data lives. Bound from the <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>
    /// <c>Sqlite</c> or <c>Postgres</c>; when unset, PostgreSQL if the connection string names a
    /// <c>Host=</c>, else SQLite.
    /// </summary>
    public DatabaseProvider? Provider { get; set; }

    /// <summary>Folder for the SQLite file; relative paths are resolved against the content root.</summary>
    [Required]
    public string DataFolder { get; set; } = "App_Data";

    /// <summary>A full connection string; when empty, SQLite at <c>{DataFolder}/merchdashboard.db</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Folder with the demo store's CSV files, imported on first run into an empty database.</summary>
    public string SeedFolder { get; set; } = "seed-data";

    /// <summary>
    /// Import the demo store when the database is empty at start-up. Unset, it is imported in Development
    /// only: a production install starts empty unless this is set to true.
    /// </summary>
    public bool? SeedDemoStore { get; set; }

    public bool ShouldSeedDemoStore(bool isDevelopment) => SeedDemoStore ?? isDevelopment;

    /// <summary>
    /// On SQLite, how long a write waits for another connection's write (an import in another process) to
    /// finish before it fails with <see cref="DatabaseBusyException"/>'s plain message.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan SqliteBusyTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public DatabaseProvider ResolveProvider() =>
        Provider ?? (ConnectionString is { } text
            && text.Split(';').Any(part => part.Trim().StartsWith("Host=", StringComparison.OrdinalIgnoreCase))
                ? DatabaseProvider.Postgres
                : DatabaseProvider.Sqlite);

    /// <summary>How often each instance checks the database for changes made by other instances.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan ChangePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public string ResolveConnectionString(string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return ConnectionString;
        }
        if (ResolveProvider() == DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException("Database:Provider is Postgres but Database:ConnectionString is empty.");
        }
        var folder = Path.GetFullPath(DataFolder, contentRoot);
        var file = Path.Combine(folder, "merchdashboard.db");
        DataFolderPermissions.CreateOwnerOnly(folder, file);
        return $"Data Source={file};Default Timeout={(int)Math.Ceiling(SqliteBusyTimeout.TotalSeconds)}";
    }

    /// <summary>The seed folder as given, else beside the executable, else the repository's <c>seed-data/</c>.</summary>
    public string? ResolveSeedFolder(string contentRoot)
    {
        string[] candidates =
        [
            Path.GetFullPath(SeedFolder, contentRoot),
            Path.GetFullPath(SeedFolder, AppContext.BaseDirectory),
            Path.GetFullPath(Path.Combine("..", SeedFolder), contentRoot),
        ];
        return candidates.FirstOrDefault(c => File.Exists(Path.Combine(c, "orders.csv")));
    }
}
