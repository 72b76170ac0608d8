using System.Globalization;
using MerchDashboard.Data;
using MerchDashboard.Data.Import;
using MerchDashboard.Features.Pipeline;
using MerchDashboard.Features.Serving;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Features.Ingest;

/// <summary>The outcome of a catalog or orders call: its answer, or the per-item errors of a batch nothing was written of.</summary>
public sealed record IngestOutcome<T>(T? Value, IReadOnlyDictionary<string, string[]> Errors)
{
    public IngestOutcome(IReadOnlyDictionary<string, string[]> errors)
        : this(default, errors)
    {
    }
}

/// <summary>
/// The catalog API's writes. A batch goes through the importer as a products file (the same validation, the same
/// update of existing SKUs, all or nothing); a patch changes one product's stock, price or active flag within the
/// import's bounds. Both bump <see cref="DataStamps.Catalog"/>: every instance re-reads the products (not the
/// orders) at its next check, so an item set out of stock or inactive leaves every served list without re-mining.
/// </summary>
public sealed class CatalogIngest(
    StoreImporter importer,
    IDbContextFactory<AppDbContext> dbFactory,
    DataVersionProbe probe,
    IPipelineSignals pipeline,
    IOptions<IngestOptions> options,
    IOptions<ImportOptions> importOptions)
{
    private static readonly (string, string)[] Columns =
        [("sku", "sku"), ("name", "name"), ("brand", "brand"), ("category_code", "category"), ("price", "price"), ("stock", "stock"), ("active", "active"), ("tags", "tags")];

    public async Task<IngestOutcome<ProductUpsertResult>> UpsertAsync(ProductUpsertRequest request, CancellationToken ct)
    {
        var products = request.Products ?? [];
        var batch = new CsvBatch("products", "products", Columns);
        if (products.Count == 0)
        {
            batch.Error("products", "give at least one product");
        }
        if (products.Count > options.Value.MaxProductsPerCall)
        {
            batch.Error("products", $"{products.Count:N0} products in one call; at most {options.Value.MaxProductsPerCall:N0} (Ingest:MaxProductsPerCall)");
            return new IngestOutcome<ProductUpsertResult>(batch.Errors());
        }
        for (var i = 0; i < products.Count; i++)
        {
            var p = products[i];
            var tags = p.Tags ?? [];
            if (tags.FirstOrDefault(t => t.Contains(StoreFormats.TagSeparator, StringComparison.Ordinal)) is { } bad)
            {
                batch.Error($"products[{i}].tags", $"tag '{bad}' contains '{StoreFormats.TagSeparator}', which separates tags");
            }
            batch.Add($"products[{i}]", p.Sku, p.Name, p.Brand, p.Category, Number(p.Price), p.Stock?.ToString(CultureInfo.InvariantCulture),
                p.Active is { } active ? (active ? "true" : "false") : "", string.Join(StoreFormats.TagSeparator, tags));
        }
        if (batch.HasErrors)
        {
            return new IngestOutcome<ProductUpsertResult>(batch.Errors());
        }
        var report = await importer.ImportAsync(new StoreFiles
        {
            Products = batch.ToSource(), DecimalSeparator = DecimalSeparator.Dot, ChangeStamp = DataStamps.Catalog, RequestMining = false,
            Scope = new ImportScope(Keys(products.Select(p => p.Sku)), [], Keys(products.Select(p => p.Category))),
        }, ct: ct);
        if (!report.Succeeded)
        {
            batch.AddProblems(report.Problems, report.MoreProblems);
            return new IngestOutcome<ProductUpsertResult>(batch.Errors());
        }
        pipeline.DataWritten("catalog API");
        return new(new ProductUpsertResult(report.Added.Products, report.Added.UpdatedProducts, report.Added.UnchangedProducts), new Dictionary<string, string[]>());
    }

    /// <summary>Null when no product has <paramref name="sku"/>.</summary>
    public async Task<IngestOutcome<CatalogProductDto>?> PatchAsync(string sku, ProductPatchRequest request, CancellationToken ct)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return new IngestOutcome<CatalogProductDto>(errors);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await db.Products.SingleOrDefaultAsync(p => p.Sku == sku, ct);
        if (product is null)
        {
            return null;
        }
        product.Stock = request.Stock ?? product.Stock;
        product.Price = request.Price ?? product.Price;
        product.IsActive = request.Active ?? product.IsActive;
        await db.SaveChangesAsync(ct);
        await probe.BumpCatalogStampAsync(ct);
        pipeline.DataWritten("catalog API");
        return new(new CatalogProductDto(product.Sku, product.Name, product.Brand, product.Price, product.Stock, product.IsActive), new Dictionary<string, string[]>());
    }

    /// <summary>The products file's bounds (Import:MaxQuantity, Import:MaxUnitPrice) for the three fields a patch may carry.</summary>
    private Dictionary<string, string[]> Validate(ProductPatchRequest request)
    {
        var limits = importOptions.Value;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request is { Stock: null, Price: null, Active: null })
        {
            errors[""] = ["give at least one of stock, price and active"];
        }
        if (request.Stock is < 0 || request.Stock > limits.MaxQuantity)
        {
            errors["stock"] = [$"{request.Stock} is outside 0 to {limits.MaxQuantity:N0} (Import:MaxQuantity)"];
        }
        if (request.Price is < 0 || request.Price > limits.MaxUnitPrice)
        {
            errors["price"] = [$"{request.Price} is outside 0 to {limits.MaxUnitPrice:N0} (Import:MaxUnitPrice)"];
        }
        return errors;
    }

    /// <summary>The keys a batch references, trimmed as the importer's CSV reader trims its fields.</summary>
    internal static string[] Keys(IEnumerable<string?> values) =>
        [.. values.Select(v => v?.Trim() ?? "").Where(v => v.Length > 0).Distinct(StringComparer.Ordinal)];

    internal static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
