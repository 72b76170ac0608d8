using MerchDashboard.Data.Entities;

namespace MerchDashboard.Data.Import;

/// <summary>
/// Reads the generic orders layout (one row per order line) into orders and lines. Lines of one order
/// must agree on customer and time. Orders already in the database are skipped, so a re-import adds
/// nothing twice. Without a catalog in the same import, unknown SKUs become new products.
/// </summary>
internal sealed class OrderReader(ImportPlan plan, ProblemLog log, bool catalogGiven)
{
    /// <summary>Imported products have no stock figure; they are taken as in stock until a catalog says otherwise.</summary>
    public const int AssumedStock = 1000;
    public const string ImportedDepartment = "imported";

    private sealed record Pending(Order Order, string CustomerKey, long FirstLine);

    public void Read(ImportSource source, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        using var table = CsvTable.Open(source, log, StoreFormats.OrderColumns);
        if (table is null)
        {
            return;
        }
        var pending = new Dictionary<string, Pending>(StringComparer.Ordinal);
        long rows = 0;
        while (table.Read())
        {
            if (++rows % 4096 == 0)
            {
                ct.ThrowIfCancellationRequested();
                progress?.Report(new ImportProgress($"Reading {source.FileName}", table.StreamPosition, table.StreamLength));
            }
            if (log.Full)
            {
                break;
            }
            ReadRow(table, pending);
        }
        progress?.Report(new ImportProgress($"Reading {source.FileName}", table.StreamLength, table.StreamLength));
    }

    private void ReadRow(CsvTable table, Dictionary<string, Pending> pending)
    {
        var orderId = table.Required("order_id");
        var customerKey = table.Text("customer_id");
        var placedAt = table.Time("ordered_at");
        var sku = table.Required("sku");
        var quantity = table.WholeNumber("quantity", min: 1);
        var price = table.Number("unit_price", min: 0);
        var source = table.Choice("source", StoreFormats.Sources, whenEmpty: LineSource.Organic);
        if (orderId.Length == 0 || sku.Length == 0 || placedAt is null || quantity is null || price is null || source is null)
        {
            return;
        }
        if (plan.ExistingOrders.Contains(orderId))
        {
            plan.SkippedRows++;
            return;
        }
        var productId = ResolveProduct(table, sku, price.Value);
        if (productId is null)
        {
            return;
        }
        if (!pending.TryGetValue(orderId, out var entry))
        {
            var customer = ResolveCustomer(customerKey);
            var order = plan.AddOrder(new Order
            {
                ExternalId = orderId, CustomerId = customer?.Id, PlacedAt = placedAt.Value,
                Arm = customer?.Arm ?? ExperimentArm.Control,
            });
            pending[orderId] = entry = new Pending(order, customerKey, table.Line);
        }
        else if (entry.CustomerKey != customerKey)
        {
            table.Problem("customer_id", $"order '{orderId}' has customer '{entry.CustomerKey}' on line {entry.FirstLine} but '{customerKey}' here; an order belongs to one customer");
            return;
        }
        else if (entry.Order.PlacedAt != placedAt.Value)
        {
            table.Problem("ordered_at", $"order '{orderId}' was placed at {entry.Order.PlacedAt:O} on line {entry.FirstLine} but at {placedAt.Value:O} here");
            return;
        }
        plan.AddLine(new OrderLine
        {
            OrderId = entry.Order.Id, ProductId = productId.Value, Quantity = quantity.Value,
            UnitPrice = price.Value, Source = source.Value,
        });
        entry.Order.Revenue += quantity.Value * price.Value;
        entry.Order.Units += quantity.Value;
    }

    private int? ResolveProduct(CsvTable table, string sku, decimal price)
    {
        if (plan.ProductsBySku.TryGetValue(sku, out var known))
        {
            return known.Id;
        }
        if (catalogGiven)
        {
            table.Problem("sku", $"SKU '{sku}' is in neither the products file imported with these orders nor the database");
            return null;
        }
        var categoryName = table.Text("category");
        var product = plan.AddProduct(new Product
        {
            Sku = sku,
            Name = table.Text("product_name") is { Length: > 0 } name ? name : sku,
            CategoryId = ImportedCategory(categoryName.Length > 0 ? categoryName : "Uncategorized").Id,
            Price = price,
            Stock = AssumedStock,
        });
        return product.Id;
    }

    private Category ImportedCategory(string name)
    {
        if (plan.CategoriesByCode.TryGetValue(name, out var byCode) && byCode.ParentId is not null)
        {
            return byCode;
        }
        var code = Slug(name);
        if (plan.CategoriesByCode.TryGetValue(code, out var existing) && existing.ParentId is not null)
        {
            return existing;
        }
        if (!plan.CategoriesByCode.TryGetValue(ImportedDepartment, out var department))
        {
            department = plan.AddCategory(ImportedDepartment, "Imported", null);
        }
        return plan.AddCategory(plan.CategoriesByCode.ContainsKey(code) ? $"{ImportedDepartment}-{code}" : code, name, department.Id);
    }

    private (int Id, ExperimentArm Arm)? ResolveCustomer(string key)
    {
        if (key.Length == 0)
        {
            return null;
        }
        if (plan.CustomersById.TryGetValue(key, out var known))
        {
            return known;
        }
        return plan.AddCustomer(new Customer { ExternalId = key, Arm = ExperimentArm.Control });
    }

    internal static string Slug(string name)
    {
        var chars = name.Trim().ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray();
        var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length == 0 ? "uncategorized" : slug[..Math.Min(slug.Length, 60)];
    }
}
