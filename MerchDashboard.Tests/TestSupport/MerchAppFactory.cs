using MerchDashboard.Features.Account;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MerchDashboard.Tests.TestSupport;

/// <summary>
/// The real app on the ASP.NET Core test host, in Development, over a fresh SQLite database in a
/// temporary folder with the demo store and the demo accounts (password <see cref="DemoPassword"/>).
/// Shared by a test collection: starting it imports the demo store once.
/// </summary>
public sealed class MerchAppFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Test-Demo-Pass-1";
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "merch-app-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The hosting environment; demo accounts exist only in Development.</summary>
    public string Environment { get; init; } = "Development";

    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["StorefrontApi:PermitLimit"] = "100000",
        // Building 9,000 demo profiles in the background costs tens of CPU seconds per host on CI's two cores;
        // the warming itself is tested on the store directly (ShopperProfileStoreTests).
        ["ShopperProfiles:WarmOnNewSnapshot"] = "false",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, TestRemoteAddress>());
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>(Settings)
        {
            ["Database:DataFolder"] = _dataFolder,
            [$"{DemoAccountOptions.Section}:Password"] = DemoPassword,
            ["Logging:LogLevel:Default"] = "Warning",
        }));
    }

    /// <summary>The folder of this app's SQLite database.</summary>
    public string DataFolder => _dataFolder;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean: a temp folder is harmless.
        }
    }
}
