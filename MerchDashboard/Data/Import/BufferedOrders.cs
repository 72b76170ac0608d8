using MerchDashboard.Data.Entities;
using MerchDashboard.Data.Import.Cleaning;

namespace MerchDashboard.Data.Import;

/// <summary>New orders held in memory with the cleaned orders their lines come from (<see cref="PlannedLines"/>).</summary>
internal sealed class BufferedOrders(ImportPlan plan) : IPlannedOrders
{
    private readonly List<Order> _orders = [];
    private readonly PlannedLines _lines = new();

    public int Count => _orders.Count;

    public long LineCount => _lines.Count;

    public decimal Revenue => _orders.Sum(o => o.Revenue);

    /// <summary>Adds <paramref name="order"/> with the lines of <paramref name="clean"/>, whose products are <paramref name="productIds"/> (one per line).</summary>
    public void Add(Order order, CleanOrder clean, int[] productIds)
    {
        order.Id = plan.NextOrderId();
        _orders.Add(order);
        _lines.Add(plan.ReserveLineIds(clean.Lines.Count), order, clean, productIds);
    }

    public IEnumerable<(int CustomerId, DateTime PlacedAt)> CustomerOrderDates() =>
        _orders.Where(o => o.CustomerId is not null).Select(o => (o.CustomerId!.Value, o.PlacedAt));

    public async Task WriteAsync(AppDbContext db, IBulkWriter writer, Action<long> advanced, CancellationToken ct)
    {
        await writer.InsertAsync(db, _orders, advanced, ct);
        await writer.InsertAsync(db, _lines, advanced, ct);
    }
}
