using MerchDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace MerchDashboard.Tests.Deployment;

/// <summary>Bound options are validated at start-up: a bad value stops the app before it touches the database.</summary>
public sealed class StartupOptionsTests
{
    [Theory]
    [InlineData("Mining:MemoryBudgetMB", "1", "MemoryBudgetMB")]
    [InlineData("DemoAccounts:Password", "short", "DemoAccounts:Password needs at least 10 characters")]
    [InlineData("DemoAccounts:Password", "alllowercase1", "DemoAccounts:Password needs an uppercase letter")]
    [InlineData("Composition:SameCategoryMinLift", "0.5", "SameCategoryMinLift")]
    [InlineData("CartEvaluation:MaxCases", "0", "MaxCases")]
    public async Task Start_BadOptionValue_StopsWithAMessageNamingTheKey(string key, string value, string named)
    {
        await using var app = new MerchAppFactory();
        // Added after the factory's own settings, so the bad value wins over its demo password.
        await using var factory = app.WithWebHostBuilder(host => host.ConfigureAppConfiguration(config =>
            config.AddInMemoryCollection([new KeyValuePair<string, string?>(key, value)])));

        var error = Should.Throw<Exception>(() => factory.Services);

        Messages(error).ShouldContain(named);
        TablesIn(Path.Combine(app.DataFolder, "merchdashboard.db")).ShouldBe(0, "validation runs before the database is migrated");
    }

    // Opening the database may create its owner-only file with one header page; no migration has added a table.
    private static long TablesIn(string file)
    {
        if (!File.Exists(file))
        {
            return 0;
        }
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table'";
        return (long)command.ExecuteScalar()!;
    }

    private static string Messages(Exception error) => error switch
    {
        AggregateException all => string.Join(" | ", all.InnerExceptions.Select(Messages)),
        { InnerException: { } inner } => error.Message + " | " + Messages(inner),
        _ => error.Message,
    };
}
