using System.Globalization;

namespace MerchDashboard.Data.Import;

/// <summary>
/// The UCI Online Retail layout: InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country.
/// A cancellation (an invoice starting with C) is a return of its quantity, netted by the cleaning against the
/// customer's earlier orders (the layout does not name the cancelled invoice). A row without a customer still
/// belongs to its invoice; lines of an invoice take the first line's time and customer.
/// </summary>
internal sealed class OnlineRetailRowParser : IOrderRowParser
{
    public string SkuColumn => "StockCode";

    public bool ZeroPriceIsNoise => true;

    public bool StrictOrderFields => false;

    public IEnumerable<string> Notes => [];

    public ParsedRow Parse(CsvTable table)
    {
        var options = table.Options;
        var invoice = table.Bounded("InvoiceNo", options.MaxIdLength, "Import:MaxIdLength", required: true);
        var sku = table.Bounded("StockCode", options.MaxSkuLength, "Import:MaxSkuLength", required: true);
        var quantity = table.WholeNumber("Quantity", min: -options.MaxQuantity, max: options.MaxQuantity);
        var placedAt = table.Time("InvoiceDate", example: "12/1/2010 8:26 (month/day/year) or ISO 8601");
        var price = table.Number("UnitPrice", min: -options.MaxUnitPrice, max: options.MaxUnitPrice);
        var name = table.Bounded("Description", options.MaxNameLength, "Import:MaxNameLength");
        var customer = table.Bounded("CustomerID", options.MaxIdLength, "Import:MaxIdLength");
        if (invoice.Length == 0 || sku.Length == 0 || quantity is null || placedAt is null || price is null)
        {
            return ParsedRow.Invalid;
        }
        if (quantity == 0)
        {
            return ParsedRow.Skip(ParsedRow.ZeroQuantity);
        }
        var cancelled = invoice.StartsWith('C') || invoice.StartsWith('c');
        return ParsedRow.Ok(new OrderRow(table.Line, invoice, CustomerKey(customer), placedAt.Value, sku,
            cancelled ? -Math.Abs(quantity.Value) : quantity.Value, price.Value, Entities.LineSource.Organic, name, ""));
    }

    /// <summary>Spreadsheet exports of the dataset write customer ids as 17850.0: the same customer as 17850.</summary>
    private static string CustomerKey(string text) =>
        text.EndsWith(".0", StringComparison.Ordinal) && long.TryParse(text[..^2], NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? text[..^2]
            : text;
}
