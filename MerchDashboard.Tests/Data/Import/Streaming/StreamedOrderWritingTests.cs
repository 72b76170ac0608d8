using MerchDashboard.Data;
using MerchDashboard.Data.Entities;
using MerchDashboard.Data.Import;
using MerchDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace MerchDashboard.Tests.Data.Import.Streaming;

/// <summary>How the streamed import writes: in bounded batches, all or nothing, and never from a file that changed between its readings.</summary>
public sealed class StreamedOrderWritingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ImportAsync_ManyOrders_WritesLinesInBatchesOfTheBudgetPlusAtMostOneOrder()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var writer = new RecordingWriter(database.BulkWriter);
        var orders = MessyOrderFile.Create(seed: 5, orders: 120, maxLines: 8);

        var report = await StreamedOrderReaderTests.Importer(database, new ImportOptions { WriteBatchLines = 100 }, inMemory: false, writer)
            .ImportAsync(StreamedOrderReaderTests.Files(orders, null), ct: Ct);

        report.Succeeded.ShouldBeTrue(string.Join('\n', report.Problems));
        var longestOrder = await LongestOrderAsync(database);
        writer.LineBatches.Count.ShouldBeGreaterThan(2);
        writer.LineBatches.ShouldAllBe(n => n <= 100 + longestOrder);
        writer.LineBatches.Take(writer.LineBatches.Count - 1).ShouldAllBe(n => n >= 100, "a batch is written only once it holds the budget");
        ((long)writer.LineBatches.Sum()).ShouldBe(report.Added.OrderLines);
    }

    [Fact]
    public async Task ImportAsync_CancelledWhileWritingOrders_WritesNothing()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var writer = new RecordingWriter(database.BulkWriter) { AfterLineBatch = cancel.Cancel };
        var orders = MessyOrderFile.Create(seed: 6, orders: 120, maxLines: 8);

        await Should.ThrowAsync<OperationCanceledException>(() =>
            StreamedOrderReaderTests.Importer(database, new ImportOptions { WriteBatchLines = 100 }, inMemory: false, writer)
                .ImportAsync(StreamedOrderReaderTests.Files(orders, null), ct: cancel.Token));

        writer.LineBatches.Count.ShouldBe(1, "cancelled after the first batch was written inside the transaction");
        await using var db = database.CreateDbContext();
        (await db.OrderLines.CountAsync(Ct)).ShouldBe(0);
        (await db.Orders.CountAsync(Ct)).ShouldBe(0);
        (await db.Products.CountAsync(Ct)).ShouldBe(0);
    }

    [Theory]
    [InlineData(2, "S1,C1,2026-01-01T09:00:00Z,SKU-01,2,1.5\nS1,C1,2026-01-01T09:00:00Z,SKU-02,1,1.5\n")]
    [InlineData(3, "S1,C1,2026-01-01T09:00:00Z,SKU-01,2,1.5\nS2,C1,2026-01-01T09:00:00Z,SKU-02,1,1.5\n")]
    [InlineData(3, "S1,C1,2026-01-01T09:00:00Z,SKU-01,2,1.5\n")]
    public async Task ImportAsync_FileChangesBetweenReadings_RefusedAndNothingWritten(int changedAtReading, string changedRows)
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        const string header = "order_id,customer_id,ordered_at,sku,quantity,unit_price\n";
        const string original = header + "S1,C1,2026-01-01T09:00:00Z,SKU-01,2,1.5\nS1,C1,2026-01-01T09:00:00Z,SKU-01,-1,1.5\n";
        var readings = 0;
        var source = new ImportSource("orders.csv", () =>
            new MemoryStream(System.Text.Encoding.UTF8.GetBytes(++readings >= changedAtReading ? header + changedRows : original)));

        var report = await StreamedOrderReaderTests.Importer(database, new ImportOptions(), inMemory: false)
            .ImportAsync(new StoreFiles { Orders = source }, ct: Ct);

        report.Succeeded.ShouldBeFalse();
        report.Problems.Single().ToString().ShouldBe("orders.csv: The file changed while it was being imported (it is read more than once); nothing was written. Import it again once it no longer changes.");
        await using var db = database.CreateDbContext();
        (await db.Orders.CountAsync(Ct)).ShouldBe(0);
        (await db.Products.CountAsync(Ct)).ShouldBe(0);
    }

    private static async Task<int> LongestOrderAsync(SqliteTestDatabase database)
    {
        await using var db = database.CreateDbContext();
        return await db.OrderLines.GroupBy(l => l.OrderId).Select(g => g.Count()).MaxAsync(Ct);
    }

    /// <summary>Writes through the real writer and records how many order lines each call wrote.</summary>
    private sealed class RecordingWriter(IBulkWriter inner) : IBulkWriter
    {
        public List<int> LineBatches { get; } = [];
        public Action? AfterLineBatch { get; init; }

        public async Task InsertAsync<T>(AppDbContext db, IEnumerable<T> rows, Action<long>? advanced, CancellationToken ct)
            where T : class
        {
            var list = rows.ToList();
            await inner.InsertAsync(db, list, advanced, ct);
            if (typeof(T) == typeof(OrderLine) && list.Count > 0)
            {
                LineBatches.Add(list.Count);
                AfterLineBatch?.Invoke();
            }
        }
    }
}
