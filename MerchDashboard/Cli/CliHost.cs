using System.CommandLine;
using MerchDashboard.Data;
using Microsoft.Extensions.Logging.Console;

namespace MerchDashboard.Cli;

/// <summary>The services a database verb needs, configured as the web app is (appsettings, environment, options).</summary>
public static class CliHost
{
    public static readonly Option<string?> ConnectionString =
        Verb.Option<string?>("--connection-string", "Database connection string (default: the configured one, else SQLite in the data folder)");

    public static readonly Option<string?> DataFolder =
        Verb.Option<string?>("--data-folder", "Folder of the SQLite database (default: Database:DataFolder from configuration)");

    /// <summary>Where appsettings.json and the relative data folder are found: the folder the program started in.</summary>
    public static string? ContentRoot { get; set; }

    public static IHost Build(VerbContext context, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = ContentRoot ?? Directory.GetCurrentDirectory(),
            EnvironmentName = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
                ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environments.Production,
        });
        var overrides = new Dictionary<string, string?>();
        if (context.Parse.GetValue(ConnectionString) is { } cs)
        {
            overrides[$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.ConnectionString)}"] = cs;
        }
        if (context.Parse.GetValue(DataFolder) is { } folder)
        {
            overrides[$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.DataFolder)}"] = folder;
        }
        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).AddFilter(level => level >= LogLevel.Warning);
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddMerchData();
        configure?.Invoke(builder.Services);
        return builder.Build();
    }
}
