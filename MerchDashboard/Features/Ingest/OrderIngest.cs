using MerchDashboard.Data.Import;
using MerchDashboard.Features.Pipeline;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Features.Ingest;

/// <summary>
/// <c>POST /api/v1/orders</c>: a batch becomes a generic orders file for the importer, so it is validated and
/// cleaned as a file import is, all or nothing. An order id already stored is left as it is and counted as
/// already present (a re-sent batch doubles nothing); an unknown SKU is an error (the catalog API creates
/// products). New orders wait for the mining policy (Features/Pipeline/MiningPolicy).
/// </summary>
public sealed class OrderIngest(StoreImporter importer, IPipelineSignals pipeline, IOptions<IngestOptions> options)
{
    private static readonly (string, string)[] Columns =
        [("order_id", "orderId"), ("customer_id", "customerId"), ("ordered_at", "orderedAt"), ("sku", "sku"), ("quantity", "quantity"), ("unit_price", "unitPrice")];

    public async Task<IngestOutcome<OrdersResult>> StoreAsync(OrdersRequest request, CancellationToken ct)
    {
        var orders = request.Orders ?? [];
        var budget = options.Value;
        var batch = new CsvBatch("orders", "orders", Columns);
        var lines = orders.Sum(o => (long)(o.Lines?.Count ?? 0));
        if (orders.Count == 0)
        {
            batch.Error("orders", "give at least one order");
        }
        if (orders.Count > budget.MaxOrdersPerCall)
        {
            batch.Error("orders", $"{orders.Count:N0} orders in one call; at most {budget.MaxOrdersPerCall:N0} (Ingest:MaxOrdersPerCall)");
        }
        if (lines > budget.MaxOrderLinesPerCall)
        {
            batch.Error("orders", $"{lines:N0} order lines in one call; at most {budget.MaxOrderLinesPerCall:N0} (Ingest:MaxOrderLinesPerCall)");
        }
        if (batch.HasErrors)
        {
            return new IngestOutcome<OrdersResult>(batch.Errors());
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < orders.Count; i++)
        {
            var order = orders[i];
            if (order.OrderId is { Length: > 0 } id && !seen.TryAdd(id, i))
            {
                batch.Error($"orders[{i}].orderId", $"order '{id}' is also orders[{seen[id]}]; an order appears once per batch");
            }
            if (order.Lines is not { Count: > 0 })
            {
                batch.Error($"orders[{i}].lines", "an order needs at least one line");
                continue;
            }
            for (var j = 0; j < order.Lines.Count; j++)
            {
                var line = order.Lines[j];
                batch.Add($"orders[{i}].lines[{j}]", order.OrderId, order.CustomerId, order.OrderedAt, line.Sku,
                    line.Quantity?.ToString(System.Globalization.CultureInfo.InvariantCulture), CatalogIngest.Number(line.UnitPrice));
            }
        }
        if (batch.HasErrors)
        {
            return new IngestOutcome<OrdersResult>(batch.Errors());
        }
        var report = await importer.ImportAsync(new StoreFiles
        {
            Orders = batch.ToSource(), OrdersLayout = OrderLayout.Generic, DecimalSeparator = DecimalSeparator.Dot,
            RequestMining = false, RequireKnownSkus = true, OrderIds = seen.Keys,
            Scope = new ImportScope(CatalogIngest.Keys(orders.SelectMany(o => o.Lines ?? []).Select(l => l.Sku)), CatalogIngest.Keys(orders.Select(o => o.CustomerId)), []),
        }, ct: ct);
        if (!report.Succeeded)
        {
            batch.AddProblems(report.Problems, report.MoreProblems);
            return new IngestOutcome<OrdersResult>(batch.Errors());
        }
        if (report.Added.Orders > 0)
        {
            pipeline.DataWritten("orders API");
        }
        return new(new OrdersResult(report.Added.Orders, report.DuplicateOrdersSkipped, report.Added.OrderLines), new Dictionary<string, string[]>());
    }
}
