using MerchDashboard.Data;

namespace MerchDashboard.Tests.Data;

public class DatabaseOptionsTests
{
    [Theory]
    [InlineData(null, null, DatabaseProvider.Sqlite)]
    [InlineData(null, "Data Source=/tmp/x.db", DatabaseProvider.Sqlite)]
    [InlineData(null, "Host=db;Database=merch;Username=app", DatabaseProvider.Postgres)]
    [InlineData(null, "Database=merch; host=db", DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite, "Host=db", DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres, "Server=db", DatabaseProvider.Postgres)]
    public void ResolveProvider_ExplicitOrInferredFromHost_PicksTheProvider(DatabaseProvider? provider, string? connectionString, DatabaseProvider expected) =>
        new DatabaseOptions { Provider = provider, ConnectionString = connectionString }.ResolveProvider().ShouldBe(expected);

    [Fact]
    public void ResolveConnectionString_PostgresWithoutConnectionString_Throws() =>
        Should.Throw<InvalidOperationException>(() => new DatabaseOptions { Provider = DatabaseProvider.Postgres }.ResolveConnectionString("/tmp"))
            .Message.ShouldContain("Database:ConnectionString");

    [Theory]
    [InlineData(null, true, true)]
    [InlineData(null, false, false)]
    [InlineData(true, false, true)]
    [InlineData(false, true, false)]
    public void ShouldSeedDemoStore_UnsetMeansDevelopmentOnly(bool? setting, bool development, bool expected) =>
        new DatabaseOptions { SeedDemoStore = setting }.ShouldSeedDemoStore(development).ShouldBe(expected);
}
