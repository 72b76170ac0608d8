using MerchDashboard.Engine.Catalog;
using MerchDashboard.Engine.Composition;

namespace MerchDashboard.Tests.Engine.Composition;

/// <summary>
/// A random store, anchor, mined list, curation and three shoppers, with the awkward cases on purpose:
/// unavailable and unknown products, the anchor and substitutes among suggestions and overrides (with placeholder
/// categories, per-category pairing settings and same-category pairs on both sides of the evidence test), pins
/// beyond the slots or on the same slot, and override windows that end or start exactly at the as-of time.
/// </summary>
internal sealed record GeneratedCompositionCase(
    CatalogView Catalog,
    CompositionRequest Request,
    IReadOnlyList<MinedCandidate> Mined,
    CurationState Curation,
    IReadOnlyList<IShopperAffinity> Shoppers)
{
    private const int ProductCount = 40;
    private const int UnknownProducts = 2;
    private static readonly DateTime AsOf = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly string[] TagPool = ["needs-batteries", "gift"];

    public static GeneratedCompositionCase Next(Random random)
    {
        var catalog = RandomCatalog(random);
        var slots = random.Next(1, 11);
        var anchor = random.Next(1, ProductCount + 1);
        var mined = Enumerable.Range(0, random.Next(0, 16))
            .Select(_ => new MinedCandidate(AnyProduct(random), random.Next(1, 300), random.NextDouble() / 10,
                random.NextDouble(), 0.5 + (3 * random.NextDouble()), random.NextDouble()))
            .ToList();
        var overrides = Enumerable.Range(0, random.Next(0, 9)).Select(_ => RandomOverride(random, anchor, slots)).ToList();
        var mode = (CurationMode)random.Next(0, 4);
        var curation = new CurationState(mode, overrides, random.Next(0, slots + 2));
        var shoppers = Enumerable.Range(1, 3)
            .Select(i => (IShopperAffinity)new FixedShopper($"shopper {i}",
                Enumerable.Range(1, ProductCount).Where(_ => random.NextDouble() < 0.6).ToDictionary(id => id, _ => random.NextDouble()),
                "because you bought something similar"))
            .ToList();
        return new GeneratedCompositionCase(catalog, new CompositionRequest(anchor, slots, AsOf), mined, curation, shoppers);
    }

    public ComposedList Compose(IShopperAffinity? shopper, CurationState? curation = null) =>
        Composer.Compose(Request with { Shopper = shopper }, Catalog, Mined, curation ?? Curation);

    /// <summary>Written independently of <see cref="Override.IsInEffectAt"/>: start inclusive, expiry exclusive.</summary>
    public bool InWindow(Override item) =>
        (item.StartsAt is null || Request.AsOf >= item.StartsAt) && (item.ExpiresAt is null || Request.AsOf < item.ExpiresAt);

    private static int AnyProduct(Random random) => random.Next(1, ProductCount + UnknownProducts + 1);

    private static Override RandomOverride(Random random, int anchor, int slots)
    {
        var product = random.NextDouble() < 0.05 ? anchor : AnyProduct(random);
        var (starts, expires) = random.Next(0, 6) switch
        {
            0 => (AsOf.AddDays(-3), AsOf.AddDays(-1)),
            1 => ((DateTime?)AsOf.AddDays(1), (DateTime?)null),
            2 => (null, AsOf),
            3 => (AsOf, AsOf.AddDays(2)),
            _ => (null, null),
        };
        return random.Next(0, 3) switch
        {
            0 => new Pin(product, random.Next(0, slots + 3), "pin", starts, expires),
            1 => new Add(product, random.Next(0, 5), "add", starts, expires),
            _ => new Exclude(product, "exclude", starts, expires),
        };
    }

    private static CatalogView RandomCatalog(Random random)
    {
        int[] departments = [1, 2, 3];
        var leaves = departments.SelectMany(d => new[] { (10 * d) + 1, (10 * d) + 2, (10 * d) + 3 }).ToArray();
        var products = new Dictionary<int, ProductInfo>();
        for (var id = 1; id <= ProductCount; id++)
        {
            var leaf = leaves[random.Next(leaves.Length)];
            var tags = TagPool.Where(_ => random.NextDouble() < 0.25).ToHashSet();
            var stock = random.NextDouble() < 0.15 ? 0 : random.Next(1, 50);
            products[id] = new ProductInfo(id, $"P{id}", $"Product {id}", "Brand", leaf, leaf / 10, 5m, stock, random.NextDouble() > 0.1, tags);
        }
        var rules = Enumerable.Range(0, random.Next(0, 4)).Select(_ => random.Next(0, 3) switch
        {
            0 => new ComplementRuleInfo(leaves[random.Next(leaves.Length)], null, leaves[random.Next(leaves.Length)]),
            1 => new ComplementRuleInfo(departments[random.Next(departments.Length)], null, leaves[random.Next(leaves.Length)]),
            _ => new ComplementRuleInfo(null, TagPool[random.Next(TagPool.Length)], leaves[random.Next(leaves.Length)], "tag rule"),
        }).ToList();
        var bestSellers = leaves.Concat(departments).ToDictionary(
            category => category,
            category => (IReadOnlyList<int>)[.. products.Values
                .Where(p => p.CategoryId == category || p.DepartmentId == category)
                .Select(p => p.Id)
                .OrderBy(_ => random.Next())]);
        var names = leaves.Concat(departments).ToDictionary(c => c, c => $"Category {c}");
        // Some stores have a "no category" placeholder; every leaf may carry a merchandiser's pairing setting.
        var unknown = random.NextDouble() < 0.3 ? new HashSet<int> { leaves[random.Next(leaves.Length)] } : [];
        var pairings = leaves.Where(_ => random.NextDouble() < 0.4).ToDictionary(leaf => leaf, _ => (CategoryPairing)random.Next(0, 3));
        return new CatalogView(products, names, rules, bestSellers)
        {
            StoreBestSellers = random.NextDouble() < 0.8 ? [.. products.Keys.OrderBy(_ => random.Next())] : [],
            UnknownCategories = unknown,
            Pairings = pairings,
        };
    }
}
