using MerchDashboard.Tests.TestSupport;

namespace MerchDashboard.Tests.Data.Import;

/// <summary>The same tests of the import of a tiny store on PostgreSQL; skipped when MERCH_TEST_POSTGRES is not set.</summary>
public sealed class StoreImporterOnPostgresTests : StoreImporterTests
{
    protected override async Task<ITestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync();
}
