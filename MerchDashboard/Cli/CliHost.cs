using System.CommandLine;
using MerchDashboard.Data;
using Microsoft.EntityFrameworkCore;
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

    /// <summary>As <see cref="Build"/>, with the database brought up to the latest migration, as the web app does at start.</summary>
    public static async Task<IHost> BuildMigratedAsync(VerbContext context, Action<IServiceCollection>? configure, CancellationToken ct)
    {
        var host = Build(context, configure);
        try
        {
            await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
            await db.Database.MigrateAsync(ct);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>The API key service and its options, as the <c>api-key</c> and <c>simulate-traffic</c> verbs use them.</summary>
    public static void AddApiKeys(IServiceCollection services)
    {
        services.AddOptions<Features.Storefront.PublishableKeyOptions>().BindConfiguration(Features.Storefront.PublishableKeyOptions.Section).ValidateDataAnnotations();
        services.AddSingleton<Features.Storefront.ApiKeyService>();
    }
}
