using MerchDashboard.Tests.TestSupport;

namespace MerchDashboard.Tests.Features.Curation;

/// <summary>The same tests of the curation commands, including the concurrent saves on PostgreSQL; skipped when MERCH_TEST_POSTGRES is not set.</summary>
public sealed class CurationCommandsOnPostgresTests : CurationCommandsTests
{
    protected override async Task<ITestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync();
}
