using MerchDashboard.Data.Entities;
using MerchDashboard.Data.Import.Cleaning;

namespace MerchDashboard.Data.Import;

/// <summary>
/// Reads an orders file (any <see cref="OrderLayout"/>) through <see cref="OrderFile"/> and <see cref="OrderCleaner"/>
/// into the plan. Orders already in the database are skipped, so a re-import adds nothing twice. Without a catalog in
/// the same import, unknown SKUs become new products with their most common price and an unknown stock.
/// </summary>
internal sealed class OrderReader(ImportPlan plan, ProblemLog log, bool catalogGiven)
{
    public const string ImportedDepartment = "imported";
    public const string AlreadyImported = "order already in the database (left out)";

    /// <summary>Reads the file in the given layout, or the one its header shows when <paramref name="layout"/> is null.</summary>
    public void Read(ImportSource source, OrderLayout? layout, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        if (OrderFile.Read(source, layout, plan.Options, log, plan.Tally, progress, ct) is not { } file)
        {
            return;
        }
        plan.Layout = file.Layout;
        plan.Notes.AddRange(file.Notes);
        var cleaned = new OrderCleaner(plan.Options).Clean(file.Rows, file.ZeroPriceIsNoise, plan.Tally);
        var categories = new CategoryMatcher(plan);
        long stored = 0;
        foreach (var order in cleaned.Orders)
        {
            ct.ThrowIfCancellationRequested();
            if (plan.ExistingOrders.Contains(order.OrderId))
            {
                plan.Tally.Add(AlreadyImported, order.FirstLine, $"order {order.OrderId}", order.Units, order.Revenue);
                plan.DuplicateOrders++;
                continue;
            }
            stored += Add(source, file, order, cleaned, categories);
        }
        plan.SkippedRows += file.Rows.Count + plan.Tally.Count(ParsedRow.ZeroQuantity) + plan.Tally.Count(ShopifyRowParser.RefundedOrVoided) - stored;
    }

    private int Add(ImportSource source, OrderFileRows file, CleanOrder order, CleanedOrders cleaned, CategoryMatcher categories)
    {
        var productIds = new int[order.Lines.Count];
        for (var i = 0; i < order.Lines.Count; i++)
        {
            var line = order.Lines[i];
            if (ResolveProduct(line.Sku, cleaned.Products[line.Sku], categories) is not { } id)
            {
                log.Add(source.FileName, line.Line, file.SkuColumn, $"SKU {Excerpt.Quoted(line.Sku)} is in neither the products file imported with these orders nor the database");
                return 0;
            }
            productIds[i] = id;
        }
        var customer = ResolveCustomer(order.CustomerKey);
        var stored = plan.AddOrder(new Order
        {
            ExternalId = order.OrderId, CustomerId = customer?.Id, PlacedAt = order.PlacedAt,
            Arm = customer?.Arm ?? ExperimentArm.Control, ExcludedFromMining = order.ExcludedFromMining,
            Revenue = order.Revenue, Units = order.Units,
        });
        for (var i = 0; i < order.Lines.Count; i++)
        {
            var line = order.Lines[i];
            plan.AddLine(new OrderLine
            {
                OrderId = stored.Id, ProductId = productIds[i], Quantity = line.Quantity, UnitPrice = line.UnitPrice, Source = line.Source,
            });
        }
        return order.Lines.Count;
    }

    private int? ResolveProduct(string sku, ProductSeed seed, CategoryMatcher categories)
    {
        if (plan.ProductsBySku.TryGetValue(sku, out var known))
        {
            return known.Id;
        }
        if (catalogGiven)
        {
            return null;
        }
        return plan.AddProduct(new Product
        {
            Sku = sku,
            Name = seed.Name.Length > 0 ? seed.Name : sku,
            CategoryId = categories.For(seed.Category.Length > 0 ? seed.Category : "Uncategorized").Id,
            Price = seed.MostCommonPrice,
            Stock = null,
        }).Id;
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
