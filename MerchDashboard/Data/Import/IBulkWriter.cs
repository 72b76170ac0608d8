namespace MerchDashboard.Data.Import;

/// <summary>
/// Inserts many rows fast inside the context's current transaction. The SQL is provider-specific, so
/// each provider has its own implementation; columns come from the EF Core model, never by hand.
/// </summary>
public interface IBulkWriter
{
    Task InsertAsync<T>(AppDbContext db, IEnumerable<T> rows, Action<long>? advanced, CancellationToken ct)
        where T : class;
}
