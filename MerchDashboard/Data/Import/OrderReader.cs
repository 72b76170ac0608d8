using MerchDashboard.Data.Entities;
using MerchDashboard.Data.Import.Cleaning;

namespace MerchDashboard.Data.Import;

/// <summary>
/// Reads an orders file (any <see cref="OrderLayout"/>) through <see cref="OrderFile"/> and <see cref="OrderCleaner"/>
/// into the plan, holding every cleaned line in memory until the write: the reference that the streamed import
/// (<see cref="Streaming.StreamedOrderReader"/>, what imports use) is tested against. Orders already in the database are skipped, so a re-import adds nothing twice. Without a catalog in
/// the same import, unknown SKUs become new products with their most common price and an unknown stock.
/// </summary>
internal sealed class OrderReader(ImportPlan plan, ProblemLog log, bool catalogGiven)
{
    public const string ImportedDepartment = "imported";
    public const string AlreadyImported = "order already in the database (left out)";

    /// <summary>
    /// Reads the file in the given layout, or the one its header shows when <paramref name="layout"/> is null. Rows stream
    /// from the file into the cleaner; what stays is the cleaned orders, which the plan's lines are written from.
    /// </summary>
    public void Read(ImportSource source, OrderLayout? layout, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var cleaner = new OrderCleaner(plan.Options);
        var file = OrderFile.Stream(source, layout, plan.Options, log, plan.Tally, (_, zeroPriceIsNoise) =>
        {
            cleaner.Start(zeroPriceIsNoise, plan.Tally);
            return cleaner.Add;
        }, progress, ct);
        if (file is null)
        {
            return;
        }
        plan.Layout = file.Layout;
        plan.Notes.AddRange(file.Notes);
        var cleaned = cleaner.Finish();
        var categories = new CategoryMatcher(plan);
        var orders = new BufferedOrders(plan);
        plan.NewOrders = orders;
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
            stored += Add(source, file, order, cleaned, categories, orders);
        }
        plan.SkippedRows += file.Rows + plan.Tally.Count(ParsedRow.ZeroQuantity) + plan.Tally.Count(ShopifyRowParser.RefundedOrVoided) - stored;
    }

    private int Add(ImportSource source, OrderFileShape file, CleanOrder order, CleanedOrders cleaned, CategoryMatcher categories, BufferedOrders orders)
    {
        var productIds = new int[order.Lines.Count];
        for (var i = 0; i < order.Lines.Count; i++)
        {
            var line = order.Lines[i];
            if (ResolveProduct(line.Sku, cleaned.Products[line.Sku], categories) is not { } id)
            {
                log.Add(source.FileName, line.Line, file.SkuColumn, UnknownSku(line.Sku));
                return 0;
            }
            productIds[i] = id;
        }
        var customer = plan.ResolveCustomer(order.CustomerKey);
        orders.Add(new Order
        {
            ExternalId = order.OrderId, CustomerId = customer?.Id, PlacedAt = order.PlacedAt,
            Arm = customer?.Arm ?? ExperimentArm.Control, ExcludedFromMining = order.ExcludedFromMining,
            Revenue = order.Revenue, Units = order.Units,
        }, order, productIds);
        return order.Lines.Count;
    }

    private int? ResolveProduct(string sku, ProductSeed seed, CategoryMatcher categories)
    {
        if (plan.ProductsBySku.TryGetValue(sku, out var known))
        {
            return known.Id;
        }
        return catalogGiven ? null : CreateProduct(plan, sku, seed, categories);
    }

    /// <summary>A product met only in order lines: its first name (or the SKU), its category matched or created, its most common price, stock unknown.</summary>
    internal static int CreateProduct(ImportPlan plan, string sku, ProductSeed seed, CategoryMatcher categories) =>
        plan.AddProduct(new Product
        {
            Sku = sku,
            Name = seed.Name.Length > 0 ? seed.Name : sku,
            CategoryId = categories.For(seed.Category.Length > 0 ? seed.Category : "Uncategorized").Id,
            Price = seed.MostCommonPrice,
            Stock = null,
        }).Id;

    /// <summary>The problem of an order line whose SKU is unknown when it must be known.</summary>
    internal static string UnknownSku(string sku) => $"SKU {Excerpt.Quoted(sku)} is in neither the products file imported with these orders nor the database";

    internal static string Slug(string name)
    {
        var chars = name.Trim().ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray();
        var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length == 0 ? "uncategorized" : slug[..Math.Min(slug.Length, 60)];
    }
}
