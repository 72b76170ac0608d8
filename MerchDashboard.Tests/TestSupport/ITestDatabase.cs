using MerchDashboard.Data;
using MerchDashboard.Data.Import;
using Microsoft.EntityFrameworkCore;

namespace MerchDashboard.Tests.TestSupport;

/// <summary>A migrated, empty database of one provider, dropped on dispose; tests that run on both take this.</summary>
public interface ITestDatabase : IAsyncDisposable, IDbContextFactory<AppDbContext>
{
    IBulkWriter BulkWriter { get; }

    StoreImporter CreateImporter(TimeProvider? time = null);
}
