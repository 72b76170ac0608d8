namespace MerchDashboard.Data.Import;

/// <summary>PRODUCT.md's generic layout: order_id,customer_id,ordered_at,sku,quantity,unit_price[,product_name,category,source].</summary>
internal sealed class GenericRowParser : IOrderRowParser
{
    public bool StrictOrderFields => true;

    public IEnumerable<string> Notes => [];

    public ParsedRow Parse(CsvTable table)
    {
        var orderId = table.Required("order_id");
        var customerKey = table.Text("customer_id");
        var placedAt = table.Time("ordered_at");
        var sku = table.Required("sku");
        var quantity = table.WholeNumber("quantity", min: 1);
        var price = table.Number("unit_price", min: 0);
        var source = table.Choice("source", StoreFormats.Sources, whenEmpty: Entities.LineSource.Organic);
        if (orderId.Length == 0 || sku.Length == 0 || placedAt is null || quantity is null || price is null || source is null)
        {
            return ParsedRow.Invalid;
        }
        return ParsedRow.Ok(new OrderRow(table.Line, orderId, customerKey, placedAt.Value, sku, quantity.Value, price.Value,
            source.Value, table.Text("product_name"), table.Text("category")));
    }
}
