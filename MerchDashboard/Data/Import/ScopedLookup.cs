using MerchDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace MerchDashboard.Data.Import;

/// <summary>
/// Reads only the rows an <see cref="ImportScope"/> names, matched as the plan matches them: customers by exact id;
/// products (when <see cref="ImportOptions.SkusIgnoreCase"/>) and categories ignoring case. Exact spellings come first
/// through the unique indexes; only keys not found that way are looked up by <c>lower()</c>, which scans. A key with
/// non-ASCII letters falls back to reading every row, because the databases' <c>lower()</c> and .NET's case folding
/// differ beyond ASCII and the plan must find what a full read finds.
/// </summary>
#pragma warning disable CA1304, CA1311 // ToLower() inside the queries is translated to SQL lower(); it never runs in .NET.
internal static class ScopedLookup
{
    public static async Task<List<Product>> ProductsAsync(AppDbContext db, IReadOnlyCollection<string> skus, ImportOptions options, CancellationToken ct)
    {
        var products = db.Products.AsNoTracking();
        var found = await InChunksAsync(skus, options.KeysPerLookup, part => products.Where(p => part.Contains(p.Sku)), ct);
        if (!options.SkusIgnoreCase)
        {
            return found;
        }
        return await AddCaseVariantsAsync(found, p => p.Sku, p => p.Id, skus, options.KeysPerLookup, products,
            part => products.Where(p => part.Contains(p.Sku.ToLower())), ct);
    }

    public static async Task<List<Category>> CategoriesAsync(AppDbContext db, IReadOnlyCollection<string> codes, ImportOptions options, CancellationToken ct)
    {
        var categories = db.Categories.AsNoTracking();
        var found = await InChunksAsync(codes, options.KeysPerLookup, part => categories.Where(c => part.Contains(c.Code)), ct);
        return await AddCaseVariantsAsync(found, c => c.Code, c => c.Id, codes, options.KeysPerLookup, categories,
            part => categories.Where(c => part.Contains(c.Code.ToLower())), ct);
    }

    public static async Task<List<(int Id, string ExternalId, ExperimentArm Arm)>> CustomersAsync(
        AppDbContext db, IReadOnlyCollection<string> ids, ImportOptions options, CancellationToken ct)
    {
        var rows = await InChunksAsync(ids, options.KeysPerLookup,
            part => db.Customers.AsNoTracking().Where(c => part.Contains(c.ExternalId)).Select(c => new { c.Id, c.ExternalId, c.Arm }), ct);
        return [.. rows.Select(c => (c.Id, c.ExternalId, c.Arm))];
    }

    private static async Task<List<T>> AddCaseVariantsAsync<T>(List<T> found, Func<T, string> key, Func<T, int> id, IReadOnlyCollection<string> keys,
        int chunk, IQueryable<T> all, Func<List<string>, IQueryable<T>> byLowerKey, CancellationToken ct)
    {
        var foundKeys = found.Select(key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = keys.Where(k => !foundKeys.Contains(k)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (missing.Count == 0)
        {
            return found;
        }
        if (missing.Any(k => !k.All(char.IsAscii)))
        {
            return await all.ToListAsync(ct);
        }
        var variants = await InChunksAsync([.. missing.Select(k => k.ToLowerInvariant())], chunk, byLowerKey, ct);
        var ids = found.Select(id).ToHashSet();
        found.AddRange(variants.Where(v => ids.Add(id(v))));
        return found;
    }

    private static async Task<List<T>> InChunksAsync<T>(IReadOnlyCollection<string> keys, int chunk, Func<List<string>, IQueryable<T>> query, CancellationToken ct)
    {
        var rows = new List<T>();
        foreach (var part in keys.Distinct(StringComparer.Ordinal).Chunk(chunk))
        {
            rows.AddRange(await query([.. part]).ToListAsync(ct));
        }
        return rows;
    }
}
#pragma warning restore CA1304, CA1311
