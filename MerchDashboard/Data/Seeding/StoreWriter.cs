using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MerchDashboard.Data.Import;

namespace MerchDashboard.Data.Seeding;

/// <summary>Writes a <see cref="SeedStore"/> as the files of seed-data/README.md: UTF-8 without BOM, <c>\n</c> line endings, invariant culture.</summary>
public static class StoreWriter
{
    private static readonly CsvConfiguration Config = new(CultureInfo.InvariantCulture) { NewLine = "\n" };

    public static async Task WriteAsync(SeedStore store, string folder, CancellationToken ct = default)
    {
        Directory.CreateDirectory(folder);
        await WriteAsync(folder, StoreFiles.CategoriesFile, StoreFormats.CategoryColumns, store.Categories,
            c => [c.Code, c.Name, c.ParentCode ?? ""], ct);
        await WriteAsync(folder, StoreFiles.ProductsFile, StoreFormats.ProductColumns, store.Products,
            p => [p.Sku, p.Name, p.Brand, p.CategoryCode, Money(p.Price), Number(p.Stock), p.Active ? "true" : "false",
                string.Join(StoreFormats.TagSeparator, p.Tags)], ct);
        await WriteAsync(folder, StoreFiles.CustomersFile, StoreFormats.CustomerColumns, store.Customers,
            c => [c.Id, c.Name, c.Email, c.City, StoreFormats.Name(c.Arm), Time(c.CreatedAt)], ct);
        var categoryNames = store.Categories.ToDictionary(c => c.Code, c => c.Name, StringComparer.Ordinal);
        await WriteAsync(folder, StoreFiles.OrdersFile, [.. StoreFormats.OrderColumns, .. StoreFormats.OrderOptionalColumns],
            store.Orders.SelectMany(o => o.Lines.Select(l => (Order: o, Line: l))),
            x => [x.Order.Id, x.Order.CustomerId, Time(x.Order.PlacedAt), x.Line.Product.Sku, Number(x.Line.Quantity),
                Money(x.Line.UnitPrice), x.Line.Product.Name, categoryNames[x.Line.Product.CategoryCode], x.Line.Source], ct);
        await WriteAsync(folder, StoreFiles.ComplementRulesFile, StoreFormats.ComplementRuleColumns, store.Rules,
            r => [r.SourceCategory, r.SourceTag, r.TargetCategory, r.Note], ct);
        await WriteAsync(folder, StoreFiles.CuratedListsFile, StoreFormats.CuratedListColumns, store.Lists,
            l => [l.AnchorSku, l.Mode, l.LockedTopN is { } n ? Number(n) : "", l.Note], ct);
        await WriteAsync(folder, StoreFiles.CuratedOverridesFile, StoreFormats.CuratedOverrideColumns, store.Overrides,
            o => [o.AnchorSku, o.Kind, o.Sku, o.Position is { } p ? Number(p) : "",
                o.StartsAt is { } s ? Time(s) : "", o.ExpiresAt is { } e ? Time(e) : "", o.Note], ct);
    }

    public static string Time(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static async Task WriteAsync<T>(string folder, string file, IEnumerable<string> header, IEnumerable<T> rows,
        Func<T, string[]> fields, CancellationToken ct)
    {
        await using var writer = new StreamWriter(Path.Combine(folder, file), append: false, new UTF8Encoding(false));
        await using var csv = new CsvWriter(writer, Config);
        foreach (var column in header)
        {
            csv.WriteField(column);
        }
        await csv.NextRecordAsync();
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            foreach (var field in fields(row))
            {
                csv.WriteField(field);
            }
            await csv.NextRecordAsync();
        }
    }
}
