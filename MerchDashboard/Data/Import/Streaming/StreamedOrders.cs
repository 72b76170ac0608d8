using MerchDashboard.Data.Entities;
using MerchDashboard.Data.Import.Cleaning;

namespace MerchDashboard.Data.Import.Streaming;

/// <summary>
/// The new orders of a streamed import, written by reading the file a third time inside the import's transaction: each
/// order is assembled when its last line is read (its lines net of the returns' subtractions) and written with the
/// others of its batch once the batch holds <see cref="ImportOptions.WriteBatchLines"/> lines. What is held at a time is
/// the batch and the lines of orders begun but not yet complete (a file that interleaves orders keeps each one open
/// until its last line). Progress is the writer's: rows written of the rows planned ("Writing to the database").
/// </summary>
internal sealed class StreamedOrders(ImportSource source, OrderFileShape file, ImportPlan plan, OrderCensus census,
    IReadOnlyDictionary<long, int> quantities) : IPlannedOrders
{
    private readonly List<OrderSummary> _written = [.. census.InOrder.Where(s => s.Id > 0)];

    public int Count => _written.Count;

    public long LineCount => _written.Sum(s => (long)s.KeptLines);

    public decimal Revenue { get; private set; }

    public IEnumerable<(int CustomerId, DateTime PlacedAt)> CustomerOrderDates() =>
        _written.Where(s => s.CustomerId is not null).Select(s => (s.CustomerId!.Value, s.Order.PlacedAt));

    public async Task WriteAsync(AppDbContext db, IBulkWriter writer, Action<long> advanced, CancellationToken ct)
    {
        if (_written.Count == 0)
        {
            return;
        }
        var screen = new RowScreen(plan.Options, file.ZeroPriceIsNoise);
        var open = new Dictionary<string, List<CleanLine>>(StringComparer.Ordinal);
        var orders = new List<Order>();
        var lines = new List<OrderLine>(plan.Options.WriteBatchLines);
        Revenue = 0;
        foreach (var raw in OrderFile.Replay(source, file, plan.Options, "", progress: null, ct))
        {
            if (screen.Admit(raw, null) is not { } row || row.IsReturn)
            {
                continue;
            }
            var summary = census.ById.TryGetValue(row.OrderId, out var known) && row.Line <= known.LastLine
                ? known : throw new ImportFileChangedException(source.FileName);
            if (summary.Id == 0)
            {
                continue;
            }
            var quantity = quantities.TryGetValue(row.Line, out var left) ? left : row.Quantity;
            if (!open.TryGetValue(row.OrderId, out var kept))
            {
                open[row.OrderId] = kept = [];
            }
            if (quantity > 0)
            {
                kept.Add(new CleanLine(row.Line, row.Sku, quantity, row.UnitPrice, row.Source));
            }
            if (row.Line == summary.LastLine)
            {
                open.Remove(row.OrderId);
                Assemble(summary, kept, orders, lines);
                if (lines.Count >= plan.Options.WriteBatchLines)
                {
                    await FlushAsync(db, writer, orders, lines, advanced, ct);
                }
            }
        }
        await FlushAsync(db, writer, orders, lines, advanced, ct);
        if (open.Count > 0)
        {
            throw new ImportFileChangedException(source.FileName);
        }
    }

    private void Assemble(OrderSummary summary, List<CleanLine> kept, List<Order> orders, List<OrderLine> lines)
    {
        if (kept.Count != summary.KeptLines)
        {
            throw new ImportFileChangedException(source.FileName);
        }
        var clean = summary.Order;
        clean.Lines.AddRange(kept);
        var order = new Order
        {
            Id = summary.Id, ExternalId = clean.OrderId, CustomerId = summary.CustomerId, PlacedAt = clean.PlacedAt, Arm = summary.Arm,
            ExcludedFromMining = summary.ExcludedFromMining, Revenue = clean.Revenue, Units = clean.Units,
        };
        clean.Lines.Clear();
        orders.Add(order);
        Revenue += order.Revenue;
        for (var i = 0; i < kept.Count; i++)
        {
            var line = kept[i];
            lines.Add(new OrderLine
            {
                Id = summary.FirstLineId + i, OrderId = order.Id,
                ProductId = plan.ProductsBySku.TryGetValue(line.Sku, out var product) ? product.Id : throw new ImportFileChangedException(source.FileName),
                Quantity = line.Quantity, UnitPrice = line.UnitPrice, Source = line.Source,
            });
        }
    }

    private static async Task FlushAsync(AppDbContext db, IBulkWriter writer, List<Order> orders, List<OrderLine> lines, Action<long> advanced, CancellationToken ct)
    {
        await writer.InsertAsync(db, orders, advanced, ct);
        await writer.InsertAsync(db, lines, advanced, ct);
        orders.Clear();
        lines.Clear();
    }
}
