namespace MerchDashboard.Engine.Mining.Input;

/// <summary>The orders CSV layouts of PRODUCT.md, one row per order line.</summary>
public enum OrderFileFormat
{
    /// <summary><c>order_id,customer_id,ordered_at,sku,quantity,unit_price</c> (more columns allowed).</summary>
    Generic,

    /// <summary>The UCI Online Retail layout <c>InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country</c>.</summary>
    OnlineRetail,
}

/// <summary>The columns a layout must have, and which of them carry the basket, item, quantity, price and customer.</summary>
internal sealed record OrderLayout(string[] Header, string Basket, string Item, string Quantity, string Price, string Customer)
{
    public static OrderLayout For(OrderFileFormat format) => format switch
    {
        OrderFileFormat.OnlineRetail => new(
            ["InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"],
            "InvoiceNo", "StockCode", "Quantity", "UnitPrice", "CustomerID"),
        _ => new(
            ["order_id", "customer_id", "ordered_at", "sku", "quantity", "unit_price"],
            "order_id", "sku", "quantity", "unit_price", "customer_id"),
    };
}
