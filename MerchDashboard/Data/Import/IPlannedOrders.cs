namespace MerchDashboard.Data.Import;

/// <summary>
/// The new orders of an import and their lines, ids reserved, ready to write. <see cref="BufferedOrders"/> holds them in
/// memory (the reference reader, <see cref="OrderReader"/>); <see cref="Streaming.StreamedOrders"/> holds a summary per order
/// and reads the file once more while it writes.
/// </summary>
internal interface IPlannedOrders
{
    int Count { get; }

    long LineCount { get; }

    /// <summary>The revenue of the orders; for streamed orders, complete once they are written.</summary>
    decimal Revenue { get; }

    /// <summary>When each new order of a customer was placed, to date customers created from orders by their first order.</summary>
    IEnumerable<(int CustomerId, DateTime PlacedAt)> CustomerOrderDates();

    /// <summary>Inserts the orders and their lines inside the context's current transaction.</summary>
    Task WriteAsync(AppDbContext db, IBulkWriter writer, Action<long> advanced, CancellationToken ct);
}
