namespace MerchDashboard.Data.Import;

/// <summary>
/// PRODUCT.md's generic layout: order_id,customer_id,ordered_at,sku,quantity,unit_price[,product_name,category,source,original_order_id].
/// A negative quantity is a return; <c>original_order_id</c>, when given, names the order it returns from
/// (else the row's own order, when it holds the product).
/// </summary>
internal sealed class GenericRowParser : IOrderRowParser
{
    public const string OriginalOrderColumn = "original_order_id";

    public string SkuColumn => "sku";

    public bool ZeroPriceIsNoise => false;

    public bool StrictOrderFields => true;

    public IEnumerable<string> Notes => [];

    public ParsedRow Parse(CsvTable table)
    {
        var options = table.Options;
        var orderId = table.Bounded("order_id", options.MaxIdLength, "Import:MaxIdLength", required: true);
        var customerKey = table.Bounded("customer_id", options.MaxIdLength, "Import:MaxIdLength");
        var placedAt = table.Time("ordered_at");
        var sku = table.Bounded("sku", options.MaxSkuLength, "Import:MaxSkuLength", required: true);
        var quantity = table.WholeNumber("quantity", min: -options.MaxQuantity, max: options.MaxQuantity);
        var price = table.Number("unit_price", min: 0, max: options.MaxUnitPrice);
        var source = table.Choice("source", StoreFormats.Sources, whenEmpty: Entities.LineSource.Organic);
        var name = table.Bounded("product_name", options.MaxNameLength, "Import:MaxNameLength");
        var category = table.Bounded("category", options.MaxLabelLength, "Import:MaxLabelLength");
        var original = table.Bounded(OriginalOrderColumn, options.MaxIdLength, "Import:MaxIdLength");
        if (orderId.Length == 0 || sku.Length == 0 || placedAt is null || quantity is null || price is null || source is null)
        {
            return ParsedRow.Invalid;
        }
        if (quantity == 0)
        {
            table.Problem("quantity", "0 is not a quantity: a sale has a positive quantity, a return a negative one");
            return ParsedRow.Invalid;
        }
        return ParsedRow.Ok(new OrderRow(table.Line, orderId, customerKey, placedAt.Value, sku, quantity.Value, price.Value,
            source.Value, name, category, original));
    }
}
