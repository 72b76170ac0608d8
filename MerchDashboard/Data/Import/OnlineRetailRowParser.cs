using System.Globalization;

namespace MerchDashboard.Data.Import;

/// <summary>
/// The UCI Online Retail layout: InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country.
/// Cancellations (an invoice starting with C), non-positive quantities and non-positive prices are skipped;
/// a row without a customer still belongs to its invoice. Lines of an invoice take the first line's time and customer.
/// </summary>
internal sealed class OnlineRetailRowParser : IOrderRowParser
{
    public const string Cancellation = "cancellation (invoice starting with C)";
    public const string NonPositiveQuantity = "quantity zero or negative";
    public const string NonPositivePrice = "unit price zero or negative";

    public bool StrictOrderFields => false;

    public IEnumerable<string> Notes => [];

    public ParsedRow Parse(CsvTable table)
    {
        var invoice = table.Required("InvoiceNo");
        if (invoice.StartsWith('C') || invoice.StartsWith('c'))
        {
            return ParsedRow.Skip(Cancellation);
        }
        var sku = table.Required("StockCode");
        var quantity = table.WholeNumber("Quantity");
        var placedAt = table.Time("InvoiceDate", example: "12/1/2010 8:26 (month/day/year) or ISO 8601");
        var price = table.Number("UnitPrice");
        if (invoice.Length == 0 || sku.Length == 0 || quantity is null || placedAt is null || price is null)
        {
            return ParsedRow.Invalid;
        }
        if (quantity <= 0)
        {
            return ParsedRow.Skip(NonPositiveQuantity);
        }
        if (price <= 0)
        {
            return ParsedRow.Skip(NonPositivePrice);
        }
        return ParsedRow.Ok(new OrderRow(table.Line, invoice, CustomerKey(table.Text("CustomerID")), placedAt.Value, sku,
            quantity.Value, price.Value, Entities.LineSource.Organic, table.Text("Description"), ""));
    }

    /// <summary>Spreadsheet exports of the dataset write customer ids as 17850.0: the same customer as 17850.</summary>
    private static string CustomerKey(string text) =>
        text.EndsWith(".0", StringComparison.Ordinal) && long.TryParse(text[..^2], NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? text[..^2]
            : text;
}
