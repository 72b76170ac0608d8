namespace MerchDashboard.Data.Import;

/// <summary>The orders file layouts the importer reads; <see cref="OrderLayouts.Detect"/> tells them apart by header.</summary>
public enum OrderLayout
{
    Generic,
    OnlineRetail,
    Shopify,
}

public static class OrderLayouts
{
    public static readonly string[] OnlineRetailColumns = ["InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID"];
    public static readonly string[] ShopifyColumns = ["Name", "Created at", "Lineitem quantity", "Lineitem name", "Lineitem price", "Lineitem sku"];

    public static readonly IReadOnlyDictionary<string, OrderLayout> ByName = new Dictionary<string, OrderLayout>(StringComparer.OrdinalIgnoreCase)
    {
        ["generic"] = OrderLayout.Generic,
        ["online-retail"] = OrderLayout.OnlineRetail,
        ["shopify"] = OrderLayout.Shopify,
    };

    public static string Name(OrderLayout layout) => ByName.First(p => p.Value == layout).Key;

    public static IReadOnlyList<string> RequiredColumns(OrderLayout layout) => layout switch
    {
        OrderLayout.OnlineRetail => OnlineRetailColumns,
        OrderLayout.Shopify => ShopifyColumns,
        _ => StoreFormats.OrderColumns,
    };

    /// <summary>
    /// The first layout whose required columns the header holds (names compared ignoring case); else the
    /// layout whose telltale column it holds, so that the missing columns can be named; null when none.
    /// </summary>
    public static OrderLayout? Detect(IReadOnlyCollection<string> header)
    {
        var names = new HashSet<string>(header.Select(h => h.Trim()), StringComparer.OrdinalIgnoreCase);
        var layouts = Enum.GetValues<OrderLayout>();
        return layouts.Cast<OrderLayout?>().FirstOrDefault(l => RequiredColumns(l!.Value).All(names.Contains))
            ?? layouts.Cast<OrderLayout?>().FirstOrDefault(l => names.Contains(Telltale(l!.Value)));
    }

    private static string Telltale(OrderLayout layout) => layout switch
    {
        OrderLayout.OnlineRetail => "InvoiceNo",
        OrderLayout.Shopify => "Lineitem name",
        _ => "order_id",
    };

    public static string UnknownHeaderMessage(IReadOnlyCollection<string> header) =>
        "the header matches none of: generic (order_id,…), online-retail (InvoiceNo,…), shopify (Name,…,Lineitem sku); "
        + $"found: {Excerpt.Of(string.Join(",", header.Take(12)))}{(header.Count > 12 ? ",…" : "")}";

    internal static IOrderRowParser Parser(OrderLayout layout) => layout switch
    {
        OrderLayout.OnlineRetail => new OnlineRetailRowParser(),
        OrderLayout.Shopify => new ShopifyRowParser(),
        _ => new GenericRowParser(),
    };
}

/// <summary>
/// One order line as read from a file, whatever the layout. A negative quantity is a cancellation or a return;
/// <see cref="LinkedOrderId"/> names the order it returns from when the layout says so ("" otherwise).
/// </summary>
public sealed record OrderRow(
    long Line, string OrderId, string CustomerKey, DateTime PlacedAt, string Sku, int Quantity, decimal UnitPrice,
    Entities.LineSource Source, string ProductName, string Category, string LinkedOrderId = "")
{
    public bool IsReturn => Quantity < 0;
}

/// <summary>A row's outcome: an order line, a row skipped for a stated reason, or an invalid row (its problems already logged).</summary>
internal readonly record struct ParsedRow(OrderRow? Row, string? SkipReason)
{
    public static ParsedRow Invalid => default;
    public static ParsedRow Skip(string reason) => new(null, reason);

    public const string ZeroQuantity = "quantity zero";
    public static ParsedRow Ok(OrderRow row) => new(row, null);
}

/// <summary>Reads one layout's rows. A parser is used for one file: it may remember an order's first row.</summary>
internal interface IOrderRowParser
{
    /// <summary>The column that holds the SKU, for messages about it.</summary>
    string SkuColumn { get; }

    /// <summary>Whether a zero unit price marks a non-sale (a stock adjustment) rather than a free item.</summary>
    bool ZeroPriceIsNoise { get; }

    /// <summary>Whether the lines of one order must repeat the same customer and time (else the first row's stand).</summary>
    bool StrictOrderFields { get; }

    ParsedRow Parse(CsvTable table);

    /// <summary>Things the report should mention, such as derived SKUs.</summary>
    IEnumerable<string> Notes { get; }
}
