using MerchDashboard.Data.Import.Cleaning;

namespace MerchDashboard.Data.Import.Streaming;

/// <summary>
/// Reads an orders file into the plan without holding its lines (docs/pipeline.md, "Imports and memory"). The file is
/// read three times: (1) every row parsed and checked, a summary kept per order with the returns; (2) the lines a
/// return can subtract from kept and the returns matched; (3) inside the import's transaction, each order assembled at
/// its last line and written in batches (<see cref="StreamedOrders"/>). Products, customers, ids, the report and every
/// problem are settled after the second reading, before anything is written, and are what <see cref="OrderReader"/>
/// gives for the same file.
/// </summary>
internal sealed class StreamedOrderReader(ImportPlan plan, ProblemLog log, bool catalogGiven)
{
    public void Read(ImportSource source, OrderLayout? layout, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var census = new OrderCensus(plan.Options, plan.Tally);
        var file = OrderFile.Stream(source, layout, plan.Options, log, plan.Tally, (_, zeroPriceIsNoise) => census.Start(zeroPriceIsNoise),
            progress, ct, $"Checking {source.FileName} (pass 1 of 3)");
        if (file is null)
        {
            return;
        }
        plan.Layout = file.Layout;
        plan.Notes.AddRange(file.Notes);
        foreach (var summary in census.InOrder)
        {
            summary.Duplicate = plan.ExistingOrders.Contains(summary.Order.OrderId);
        }
        var deductions = new ReturnDeductions(source.FileName, census, plan.Options, file.ZeroPriceIsNoise,
            catalogGiven ? sku => !plan.ProductsBySku.ContainsKey(sku) : null);
        foreach (var row in OrderFile.Replay(source, file, plan.Options, $"Matching returns in {source.FileName} (pass 2 of 3)", progress, ct))
        {
            deductions.Add(row);
        }
        deductions.Match(plan.Tally);
        TallyOrders(census);
        var stored = Plan(source, file, census, deductions);
        plan.SkippedRows += file.Rows + plan.Tally.Count(ParsedRow.ZeroQuantity) + plan.Tally.Count(ShopifyRowParser.RefundedOrVoided) - stored;
        plan.NewOrders = new StreamedOrders(source, file, plan, census, deductions.Quantities);
    }

    /// <summary>The order-level kinds of cleaning, in the reference reader's order: fully cancelled and large orders, then orders already stored.</summary>
    private void TallyOrders(OrderCensus census)
    {
        foreach (var summary in census.InOrder)
        {
            if (summary.KeptLines == 0)
            {
                plan.Tally.Add(CleaningKinds.OrderFullyCancelled, summary.Order.FirstLine, $"order {summary.Order.OrderId}");
            }
            else if (summary.DistinctSkus > plan.Options.MaxMiningOrderLines)
            {
                summary.ExcludedFromMining = true;
                plan.Tally.Add(CleaningKinds.LargeOrder, summary.Order.FirstLine, OrderCleaner.LargeOrderText(summary.Order, summary.DistinctSkus),
                    summary.Units, summary.Revenue);
            }
        }
        foreach (var summary in census.InOrder.Where(s => s.KeptLines > 0 && s.Duplicate))
        {
            plan.Tally.Add(OrderReader.AlreadyImported, summary.Order.FirstLine, $"order {summary.Order.OrderId}", summary.Units, summary.Revenue);
            plan.DuplicateOrders++;
        }
    }

    /// <summary>Creates the products and customers the new orders need, reserves their ids, and returns how many lines they store.</summary>
    private long Plan(ImportSource source, OrderFileShape file, OrderCensus census, ReturnDeductions deductions)
    {
        if (!catalogGiven)
        {
            var categories = new CategoryMatcher(plan);
            foreach (var (sku, _) in deductions.FirstStored.OrderBy(p => p.Value))
            {
                if (!plan.ProductsBySku.ContainsKey(sku))
                {
                    OrderReader.CreateProduct(plan, sku, census.Seeds[sku].Build(), categories);
                }
            }
        }
        long stored = 0;
        foreach (var summary in census.InOrder.Where(s => s.KeptLines > 0 && !s.Duplicate))
        {
            if (summary.FirstUnknownSku is { } unknown)
            {
                log.Add(source.FileName, unknown.Line, file.SkuColumn, OrderReader.UnknownSku(unknown.Sku));
                continue;
            }
            var customer = plan.ResolveCustomer(summary.Order.CustomerKey);
            (summary.CustomerId, summary.Arm) = (customer?.Id, customer?.Arm ?? Entities.ExperimentArm.Control);
            summary.Id = plan.NextOrderId();
            summary.FirstLineId = plan.ReserveLineIds(summary.KeptLines);
            stored += summary.KeptLines;
        }
        return stored;
    }
}
