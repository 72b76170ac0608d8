namespace MerchDashboard.Tests.TestSupport;

/// <summary>
/// Two instances on one SQLite file, as two processes on one data folder would be: A creates the database with the demo
/// store; B is started after it with a connection string to the same file, so it finds the store there and imports
/// nothing. Each has its own snapshot, coordinator and stamp poll; they share only the file.
/// </summary>
public sealed class SqliteAppInstances : ITwoAppInstances, IAsyncLifetime
{
    public MerchAppFactory A { get; } = new();

    public MerchAppFactory B { get; } = new();

    public IReadOnlyList<string> CliDatabaseArguments => ["--data-folder", A.DataFolder];

    public void SkipUnlessAvailable()
    {
        // SQLite is always there.
    }

    public ValueTask InitializeAsync()
    {
        _ = A.Server;
        B.Settings["Database:ConnectionString"] = $"Data Source={Path.Combine(A.DataFolder, "merchdashboard.db")};Default Timeout=60";
        _ = B.Server;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
    }
}
