namespace MerchDashboard.Data.Import.Cleaning;

/// <summary>
/// Orders as the raw file has them, for parity with R's arules on the same file: cancellation and return rows and
/// negative prices are skipped (and tallied), zero prices too where the layout uses them for stock adjustments
/// (Online Retail); nothing is netted, merged or set apart.
/// </summary>
public static class RawOrders
{
    public const string SkippedReturn = "cancellation or return row (skipped, not netted)";

    public static CleanedOrders Of(OrderFileRows file, CleaningTally tally)
    {
        var orders = new Dictionary<string, CleanOrder>(StringComparer.Ordinal);
        var seeds = new Dictionary<string, ProductSeed>(StringComparer.Ordinal);
        foreach (var row in file.Rows)
        {
            if (row.IsReturn || row.OrderId.StartsWith('C'))
            {
                tally.Add(SkippedReturn, row.Line, $"{row.Sku}: {row.Quantity} in {row.OrderId}", row.Quantity);
                continue;
            }
            if (row.UnitPrice < 0 || (row.UnitPrice == 0 && file.ZeroPriceIsNoise))
            {
                tally.Add(CleaningKinds.NonPositivePrice, row.Line, $"{row.Sku}: unit price {OrderCleaner.Money(row.UnitPrice)}", row.Quantity);
                continue;
            }
            if (!orders.TryGetValue(row.OrderId, out var order))
            {
                orders[row.OrderId] = order = new CleanOrder(row.OrderId, row.CustomerKey, row.PlacedAt, row.Line);
            }
            order.Lines.Add(new CleanLine(row.Line, row.Sku, row.Quantity, row.UnitPrice, row.Source));
            seeds.TryAdd(row.Sku, new ProductSeed(row.Sku, row.ProductName, row.Category, row.UnitPrice, row.Line));
        }
        return new CleanedOrders([.. orders.Values], seeds, tally);
    }
}
