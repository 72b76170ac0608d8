namespace MerchDashboard.Data.Import.Cleaning;

/// <summary>
/// The row-by-row steps of cleaning, before any row is matched with another: a SKU spelled with another letter case
/// becomes its first spelling, fee lines and non-positive prices are left out. Used by <see cref="OrderCleaner"/> and by
/// every pass of the streamed import, so a row is admitted the same way on each reading of the file.
/// </summary>
internal sealed class RowScreen(ImportOptions options, bool zeroPriceIsNoise)
{
    private readonly NonProductRule _nonProduct = new(options);
    private readonly HashSet<string> _variants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _spellings = new(options.SkusIgnoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

    /// <summary>
    /// The row with its SKU's first spelling, or null when cleaning leaves it out. With a <paramref name="tally"/>, what is
    /// merged or left out is counted; without one (a later reading of the same file) nothing is counted again.
    /// </summary>
    public OrderRow? Admit(OrderRow raw, CleaningTally? tally)
    {
        var row = raw with { Sku = Canonical(raw, tally) };
        if (_nonProduct.Matches(row.Sku, row.ProductName))
        {
            tally?.Add(CleaningKinds.NonProduct, row.Line, $"{row.Sku} {row.ProductName}: {row.Quantity} x {OrderCleaner.Money(row.UnitPrice)} in order {row.OrderId}",
                row.Quantity, row.Quantity * row.UnitPrice);
            return null;
        }
        if (row.UnitPrice < 0 || (row.UnitPrice == 0 && zeroPriceIsNoise))
        {
            tally?.Add(CleaningKinds.NonPositivePrice, row.Line, $"{row.Sku} {row.ProductName}: unit price {OrderCleaner.Money(row.UnitPrice)} in order {row.OrderId}", row.Quantity);
            return null;
        }
        return row;
    }

    private string Canonical(OrderRow row, CleaningTally? tally)
    {
        if (!_spellings.TryGetValue(row.Sku, out var first))
        {
            _spellings[row.Sku] = row.Sku;
            return row.Sku;
        }
        if (tally is not null && !string.Equals(first, row.Sku, StringComparison.Ordinal) && _variants.Add(row.Sku))
        {
            tally.Add(CleaningKinds.SkuSpelling, row.Line, $"{row.Sku} is {first}");
        }
        return first;
    }
}
