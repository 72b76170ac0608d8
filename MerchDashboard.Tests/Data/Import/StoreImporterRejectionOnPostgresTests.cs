using MerchDashboard.Tests.TestSupport;

namespace MerchDashboard.Tests.Data.Import;

/// <summary>The same tests of the refusal of malformed files on PostgreSQL; skipped when MERCH_TEST_POSTGRES is not set.</summary>
public sealed class StoreImporterRejectionOnPostgresTests : StoreImporterRejectionTests
{
    protected override async Task<ITestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync();
}
