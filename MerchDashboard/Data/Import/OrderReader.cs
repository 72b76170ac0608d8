using MerchDashboard.Data.Entities;

namespace MerchDashboard.Data.Import;

/// <summary>
/// Reads an orders file (one row per order line, in any <see cref="OrderLayout"/>) into orders and lines.
/// In the generic layout the lines of one order must agree on customer and time. Orders already in the database are skipped, so a re-import adds
/// nothing twice. Without a catalog in the same import, unknown SKUs become new products.
/// </summary>
internal sealed class OrderReader(ImportPlan plan, ProblemLog log, bool catalogGiven)
{
    /// <summary>Imported products have no stock figure; they are taken as in stock until a catalog says otherwise.</summary>
    public const int AssumedStock = 1000;
    public const string ImportedDepartment = "imported";
    public const string AlreadyImported = "order already in the database";

    private sealed record Pending(Order Order, string CustomerKey, long FirstLine);

    /// <summary>Reads the file in the given layout, or the one its header shows when <paramref name="layout"/> is null.</summary>
    public void Read(ImportSource source, OrderLayout? layout, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        using var table = CsvTable.OpenAny(source, log, "order_id,customer_id,ordered_at,sku,quantity,unit_price");
        if (table is null)
        {
            return;
        }
        var chosen = layout ?? OrderLayouts.Detect(table.Header);
        if (chosen is null)
        {
            log.Add(source.FileName, 1, "", OrderLayouts.UnknownHeaderMessage(table.Header));
            return;
        }
        if (!table.RequireColumns(OrderLayouts.RequiredColumns(chosen.Value)))
        {
            return;
        }
        plan.Layout = chosen;
        var parser = OrderLayouts.Parser(chosen.Value);
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
            var parsed = parser.Parse(table);
            if (parsed.SkipReason is { } reason)
            {
                plan.Skip(reason);
            }
            else if (parsed.Row is { } row)
            {
                Add(table, row, parser.StrictOrderFields, pending);
            }
        }
        plan.Notes.AddRange(parser.Notes);
        progress?.Report(new ImportProgress($"Reading {source.FileName}", table.StreamLength, table.StreamLength));
    }

    private void Add(CsvTable table, OrderRow row, bool strict, Dictionary<string, Pending> pending)
    {
        if (plan.ExistingOrders.Contains(row.OrderId))
        {
            plan.SkipExistingOrder(row.OrderId, AlreadyImported);
            return;
        }
        var productId = ResolveProduct(table, row);
        if (productId is null)
        {
            return;
        }
        if (!pending.TryGetValue(row.OrderId, out var entry))
        {
            var customer = ResolveCustomer(row.CustomerKey);
            var order = plan.AddOrder(new Order
            {
                ExternalId = row.OrderId, CustomerId = customer?.Id, PlacedAt = row.PlacedAt,
                Arm = customer?.Arm ?? ExperimentArm.Control,
            });
            pending[row.OrderId] = entry = new Pending(order, row.CustomerKey, table.Line);
        }
        else if (strict && entry.CustomerKey != row.CustomerKey)
        {
            table.Problem("customer_id", $"order '{row.OrderId}' has customer '{entry.CustomerKey}' on line {entry.FirstLine} but '{row.CustomerKey}' here; an order belongs to one customer");
            return;
        }
        else if (strict && entry.Order.PlacedAt != row.PlacedAt)
        {
            table.Problem("ordered_at", $"order '{row.OrderId}' was placed at {entry.Order.PlacedAt:O} on line {entry.FirstLine} but at {row.PlacedAt:O} here");
            return;
        }
        plan.AddLine(new OrderLine
        {
            OrderId = entry.Order.Id, ProductId = productId.Value, Quantity = row.Quantity,
            UnitPrice = row.UnitPrice, Source = row.Source,
        });
        entry.Order.Revenue += row.Quantity * row.UnitPrice;
        entry.Order.Units += row.Quantity;
    }

    private int? ResolveProduct(CsvTable table, OrderRow row)
    {
        var sku = row.Sku;
        if (plan.ProductsBySku.TryGetValue(sku, out var known))
        {
            return known.Id;
        }
        if (catalogGiven)
        {
            table.Problem(table.Has("sku") ? "sku" : table.Has("StockCode") ? "StockCode" : "Lineitem sku", $"SKU '{sku}' is in neither the products file imported with these orders nor the database");
            return null;
        }
        var product = plan.AddProduct(new Product
        {
            Sku = sku,
            Name = row.ProductName.Length > 0 ? row.ProductName : sku,
            CategoryId = ImportedCategory(row.Category.Length > 0 ? row.Category : "Uncategorized").Id,
            Price = row.UnitPrice,
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
