namespace MerchDashboard.Tests.TestSupport;

/// <summary>The app started in Production on an empty database (no demo store, no demo accounts), for one test class.</summary>
public class ProductionAppFixture : IAsyncLifetime
{
    public MerchAppFactory Factory { get; }

    public ProductionAppFixture() => Factory = new MerchAppFactory { Environment = "Production" };

    protected ProductionAppFixture(IReadOnlyDictionary<string, string?> settings) : this()
    {
        foreach (var (key, value) in settings)
        {
            Factory.Settings[key] = value;
        }
    }

    public ValueTask InitializeAsync()
    {
        _ = Factory.Server;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}
