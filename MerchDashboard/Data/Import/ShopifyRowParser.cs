using System.Text;
using System.Text.RegularExpressions;

namespace MerchDashboard.Data.Import;

/// <summary>
/// A Shopify orders export: one row per line item; the order's columns (Email, Financial Status, Created at)
/// are filled on its first row and either repeated or left empty on the others. The customer is the
/// Customer ID column when the file has one, else the Email. Refunded and voided orders are skipped.
/// A line item without a SKU gets one derived from its name, the same for the same name every time.
/// </summary>
internal sealed partial class ShopifyRowParser : IOrderRowParser
{
    public const string RefundedOrVoided = "refunded or voided order";

    private sealed record OrderFields(string CustomerKey, DateTime PlacedAt, bool Skipped);

    private readonly Dictionary<string, OrderFields> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _derived = new(StringComparer.Ordinal);
    private int _derivedLines;

    public string SkuColumn => "Lineitem sku";

    public bool ZeroPriceIsNoise => false;

    public bool StrictOrderFields => false;

    public IEnumerable<string> Notes => _derivedLines == 0 ? [] :
    [
        $"{_derivedLines:N0} line item(s) had no SKU: {_derived.Count:N0} SKU(s) were derived from the item names "
        + $"(e.g. '{_derived.First().Key}' → '{_derived.First().Value}'); the same name always gives the same SKU.",
    ];

    public ParsedRow Parse(CsvTable table)
    {
        var options = table.Options;
        var orderId = table.Bounded("Name", options.MaxIdLength, "Import:MaxIdLength", required: true);
        if (orderId.Length == 0)
        {
            return ParsedRow.Invalid;
        }
        if (!_orders.TryGetValue(orderId, out var order))
        {
            var placedAt = table.Time("Created at", example: "2024-01-15 10:23:45 -0500 or ISO 8601", normalize: NormalizeOffset);
            if (placedAt is null)
            {
                return ParsedRow.Invalid;
            }
            var customer = table.Bounded("Customer ID", options.MaxIdLength, "Import:MaxIdLength") is { Length: > 0 } id
                ? id : table.Bounded("Email", options.MaxIdLength, "Import:MaxIdLength");
            var status = table.Text("Financial Status").ToLowerInvariant();
            _orders[orderId] = order = new OrderFields(customer, placedAt.Value, status is "refunded" or "voided");
        }
        if (order.Skipped)
        {
            return ParsedRow.Skip(RefundedOrVoided);
        }
        var name = table.Bounded("Lineitem name", options.MaxNameLength, "Import:MaxNameLength", required: true);
        var quantity = table.WholeNumber("Lineitem quantity", min: 1, max: options.MaxQuantity);
        var price = table.Number("Lineitem price", min: 0, max: options.MaxUnitPrice);
        if (name.Length == 0 || quantity is null || price is null)
        {
            return ParsedRow.Invalid;
        }
        var sku = table.Bounded("Lineitem sku", options.MaxSkuLength, "Import:MaxSkuLength");
        if (sku.Length == 0)
        {
            sku = DerivedSku(name);
            _derivedLines++;
        }
        return ParsedRow.Ok(new OrderRow(table.Line, orderId, order.CustomerKey, order.PlacedAt, sku, quantity.Value, price.Value,
            Entities.LineSource.Organic, name, ""));
    }

    /// <summary>A slug of the name plus 8 hex digits of its FNV-1a hash, so names that slug alike stay apart.</summary>
    public string DerivedSku(string name)
    {
        if (!_derived.TryGetValue(name, out var sku))
        {
            var hash = 2166136261u;
            foreach (var b in Encoding.UTF8.GetBytes(name))
            {
                hash = (hash ^ b) * 16777619u;
            }
            var slug = OrderReader.Slug(name);
            _derived[name] = sku = $"{slug[..Math.Min(slug.Length, 40)]}-{hash:x8}";
        }
        return sku;
    }

    /// <summary>Shopify writes offsets as -0500; .NET reads -05:00.</summary>
    private static string NormalizeOffset(string text) => Offset().Replace(text, "$1:$2");

    [GeneratedRegex(@"([+-]\d{2})(\d{2})$")]
    private static partial Regex Offset();
}
