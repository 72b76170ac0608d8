using MerchDashboard.Data;
using MerchDashboard.Data.Entities;
using MerchDashboard.Engine.Catalog;
using MerchDashboard.Engine.Composition;
using MerchDashboard.Engine.Personalization;
using MerchDashboard.Features.Curation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Features.Serving;

/// <summary>Reads the parts of a <see cref="StoreSnapshot"/> from the database, each in a few set-based queries.</summary>
public sealed class StoreSnapshotLoader(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, IOptions<CompositionOptions>? options = null)
{
    private readonly SameCategoryEvidence _evidence = (options?.Value ?? new CompositionOptions()).ToEvidence();

    public async Task<StoreSnapshot> LoadAllAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var categories = await db.Categories.AsNoTracking().ToListAsync(ct);
        var products = await LoadProductsAsync(db, categories, ct);
        var categoryNames = categories.ToDictionary(c => c.Id, c => c.Name);
        var rules = await LoadRulesAsync(db, ct);
        var units = await db.OrderLines.GroupBy(l => l.ProductId).Select(g => new { g.Key, Units = g.Sum(l => l.Quantity) })
            .ToDictionaryAsync(x => x.Key, x => x.Units, ct);
        var catalog = new CatalogView(products, categoryNames, rules, RankBestSellers(products.Values, units))
        {
            StoreBestSellers = [.. products.Values.OrderByDescending(p => units.GetValueOrDefault(p.Id)).ThenBy(p => p.Id).Select(p => p.Id)],
            UnknownCategories = categories.Where(c => UnknownCategory.Matches(c.Code, c.Name)).Select(c => c.Id).ToHashSet(),
            Pairings = await LoadPairingsAsync(db, ct),
            Evidence = _evidence,
        };

        var purchases = await db.OrderLines.AsNoTracking().Where(l => l.Order!.CustomerId != null)
            .Select(l => new { Customer = l.Order!.CustomerId!.Value, l.ProductId, l.Order.PlacedAt, l.Quantity })
            .ToListAsync(ct);
        var history = purchases.Select(p => new Purchase(p.Customer, p.ProductId, p.PlacedAt, p.Quantity)).ToList();
        var model = PersonalizationModel.Train(history, CatalogIndex.Create(products.Values, categoryNames), cancellationToken: ct);
        var byCustomer = history.GroupBy(p => p.CustomerKey).ToDictionary(g => g.Key, g => (IReadOnlyList<Purchase>)[.. g]);
        var customers = await db.Customers.AsNoTracking().Select(c => new { c.Id, c.ExternalId }).ToDictionaryAsync(c => c.ExternalId, c => c.Id, StringComparer.Ordinal, ct);

        var (run, mined, bundles) = await LoadMiningAsync(db, ct);
        return new StoreSnapshot(catalog, products.Values.ToDictionary(p => p.Sku, p => p.Id, StringComparer.Ordinal), mined, bundles,
            await LoadCurationAsync(db, ct), model, byCustomer, customers, run, time.GetUtcNow().UtcDateTime);
    }

    /// <summary>The product rows alone, with the category names: what the catalog API changes (stock, price, active, new products).</summary>
    public async Task<(IReadOnlyDictionary<int, ProductInfo> Products, IReadOnlyDictionary<int, string> CategoryNames)> LoadProductsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var categories = await db.Categories.AsNoTracking().ToListAsync(ct);
        return (await LoadProductsAsync(db, categories, ct), categories.ToDictionary(c => c.Id, c => c.Name));
    }

    private static async Task<Dictionary<int, ProductInfo>> LoadProductsAsync(AppDbContext db, List<Category> categories, CancellationToken ct)
    {
        var departmentOf = categories.ToDictionary(c => c.Id, c => c.ParentId);
        return (await db.Products.AsNoTracking().ToListAsync(ct))
            .Select(p => new ProductInfo(p.Id, p.Sku, p.Name, p.Brand, p.CategoryId, departmentOf.GetValueOrDefault(p.CategoryId),
                p.Price, p.Stock, p.IsActive, p.Tags.ToHashSet(StringComparer.Ordinal)))
            .ToDictionary(p => p.Id);
    }

    public async Task<IReadOnlyList<ComplementRuleInfo>> LoadRulesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await LoadRulesAsync(db, ct);
    }

    /// <summary>The merchandiser's catalog settings that a rule or pairing change touches, re-read without the rest.</summary>
    public async Task<(IReadOnlyList<ComplementRuleInfo> Rules, IReadOnlyDictionary<int, CategoryPairing> Pairings)> LoadCatalogSettingsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await LoadRulesAsync(db, ct), await LoadPairingsAsync(db, ct));
    }

    private static async Task<IReadOnlyDictionary<int, CategoryPairing>> LoadPairingsAsync(AppDbContext db, CancellationToken ct) =>
        await db.CategoryPairings.AsNoTracking().Where(p => p.Pairing != CategoryPairing.ByEvidence)
            .ToDictionaryAsync(p => p.CategoryId, p => p.Pairing, ct);

    private static async Task<IReadOnlyList<ComplementRuleInfo>> LoadRulesAsync(AppDbContext db, CancellationToken ct) =>
        (await db.ComplementRules.AsNoTracking().Where(r => r.IsActive).OrderBy(r => r.Id).ToListAsync(ct))
            .Select(r => new ComplementRuleInfo(r.SourceCategoryId, r.SourceTag, r.TargetCategoryId, r.Note)).ToList();

    public async Task<IReadOnlyDictionary<int, CuratedEntry>> LoadCurationAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await LoadCurationAsync(db, ct);
    }

    /// <summary>One anchor's curated list as stored now; null when it has none (the list is automatic).</summary>
    public async Task<CuratedEntry?> LoadCuratedListAsync(int anchorProductId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var list = await db.CuratedLists.AsNoTracking().Include(l => l.Overrides).Include(l => l.LockedSlots).AsSplitQuery()
            .SingleOrDefaultAsync(l => l.AnchorProductId == anchorProductId, ct);
        return list is null ? null : Entry(list);
    }

    private static async Task<IReadOnlyDictionary<int, CuratedEntry>> LoadCurationAsync(AppDbContext db, CancellationToken ct)
    {
        var lists = await db.CuratedLists.AsNoTracking().Include(l => l.Overrides).Include(l => l.LockedSlots).AsSplitQuery().ToListAsync(ct);
        return lists.ToDictionary(l => l.AnchorProductId, Entry);
    }

    private static CuratedEntry Entry(CuratedList list)
    {
        var stored = ListState.From(list);
        return new CuratedEntry(ListStates.ToEngine(stored), list.Version) { Stored = stored };
    }

    private static async Task<(MiningRunInfo?, IReadOnlyDictionary<int, IReadOnlyList<MinedCandidate>>, IReadOnlyDictionary<int, IReadOnlyList<BundleInfo>>)>
        LoadMiningAsync(AppDbContext db, CancellationToken ct)
    {
        var run = await db.MiningRuns.AsNoTracking().SingleOrDefaultAsync(r => r.IsCurrent, ct);
        if (run is null)
        {
            return (null, new Dictionary<int, IReadOnlyList<MinedCandidate>>(), new Dictionary<int, IReadOnlyList<BundleInfo>>());
        }
        var pairs = await db.MinedPairs.AsNoTracking().Where(p => p.RunId == run.Id).OrderBy(p => p.AnchorProductId).ThenBy(p => p.Rank).ToListAsync(ct);
        var mined = pairs.GroupBy(p => p.AnchorProductId).ToDictionary(g => g.Key,
            g => (IReadOnlyList<MinedCandidate>)[.. g.Select(p => new MinedCandidate(p.CandidateProductId, p.Count, p.Support, p.Confidence, p.Lift, p.Score))]);
        var bundleRows = await db.MinedBundles.AsNoTracking().Where(b => b.RunId == run.Id).OrderBy(b => b.AnchorProductId).ThenBy(b => b.Rank).ToListAsync(ct);
        var bundles = bundleRows.GroupBy(b => b.AnchorProductId).ToDictionary(g => g.Key,
            g => (IReadOnlyList<BundleInfo>)[.. g.Select(b => new BundleInfo(b.ItemIds.Split(',').Select(int.Parse).ToList(), b.Count, b.Support, b.Score))]);
        var settings = System.Text.Json.JsonSerializer.Deserialize<MerchDashboard.Engine.Mining.MiningSettings>(run.SettingsJson) ?? new MerchDashboard.Engine.Mining.MiningSettings();
        var info = new MiningRunInfo(run.Id, run.FinishedAt ?? run.StartedAt, run.Orders, run.Pairs, run.Bundles, settings);
        return (info, mined, bundles);
    }

    /// <summary>Per leaf category and per department: products by units sold, then the unsold ones by id.</summary>
    private static Dictionary<int, IReadOnlyList<int>> RankBestSellers(IEnumerable<ProductInfo> products, IReadOnlyDictionary<int, int> units)
    {
        var ranked = products.OrderByDescending(p => units.GetValueOrDefault(p.Id)).ThenBy(p => p.Id).ToList();
        var result = new Dictionary<int, IReadOnlyList<int>>();
        foreach (var group in ranked.GroupBy(p => p.CategoryId))
        {
            result[group.Key] = [.. group.Select(p => p.Id)];
        }
        foreach (var group in ranked.Where(p => p.DepartmentId is not null).GroupBy(p => p.DepartmentId!.Value))
        {
            result[group.Key] = [.. group.Select(p => p.Id)];
        }
        return result;
    }
}
