using MerchDashboard.Engine.Catalog;
using MerchDashboard.Engine.Composition;

namespace MerchDashboard.Tests.Engine.Composition;

/// <summary>
/// A random store where every product has its own mined list, curation and itemsets, a random cart and three
/// shoppers. Awkward cases on purpose: few leaf categories (many substitutes), unavailable products, cart
/// items among each other's suggestions, hand-added substitutes, excludes and locks in every mode.
/// </summary>
internal sealed record GeneratedCartCase(
    CatalogView Catalog,
    CartCompositionRequest Request,
    IReadOnlyDictionary<int, IReadOnlyList<MinedCandidate>> Mined,
    IReadOnlyDictionary<int, CurationState> Curation,
    IReadOnlyDictionary<int, IReadOnlyList<MinedItemset>> Itemsets,
    IReadOnlyList<IShopperAffinity> Shoppers)
{
    private const int ProductCount = 30;
    private static readonly DateTime AsOf = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    public CartStore Store => new(Catalog, id => Mined.GetValueOrDefault(id) ?? [],
        id => Curation.GetValueOrDefault(id) ?? CurationState.Auto, id => Itemsets.GetValueOrDefault(id) ?? []);

    public CartComposition Compose(IShopperAffinity? shopper) => CartComposer.Compose(Request with { Shopper = shopper }, Store);

    public static GeneratedCartCase Next(Random random)
    {
        var catalog = RandomCatalog(random);
        var slots = random.Next(1, 9);
        var mined = new Dictionary<int, IReadOnlyList<MinedCandidate>>();
        var curation = new Dictionary<int, CurationState>();
        var itemsets = new Dictionary<int, IReadOnlyList<MinedItemset>>();
        for (var id = 1; id <= ProductCount; id++)
        {
            mined[id] = [.. Enumerable.Range(0, random.Next(0, 10)).Select(_ => new MinedCandidate(
                random.Next(1, ProductCount + 1), random.Next(1, 200), 0.01, random.NextDouble(), 1 + random.NextDouble(), random.NextDouble()))];
            var overrides = Enumerable.Range(0, random.Next(0, 6)).Select(_ => RandomOverride(random, slots)).ToList();
            curation[id] = new CurationState((CurationMode)random.Next(0, 4), overrides, random.Next(0, slots + 2));
            itemsets[id] = [.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => new MinedItemset(
                [.. Enumerable.Range(0, random.Next(2, 4)).Select(_ => random.Next(1, ProductCount + 1)).Where(other => other != id).Distinct()],
                random.Next(1, 100), 3 * random.NextDouble()))];
        }
        var cart = Enumerable.Range(0, random.Next(1, 7)).Select(_ => random.Next(1, ProductCount + 1)).ToList();
        var shoppers = Enumerable.Range(1, 3)
            .Select(i => (IShopperAffinity)new FixedShopper($"shopper {i}",
                Enumerable.Range(1, ProductCount).Where(_ => random.NextDouble() < 0.6).ToDictionary(id => id, _ => random.NextDouble()), "because"))
            .ToList();
        return new GeneratedCartCase(catalog, new CartCompositionRequest(cart, slots, AsOf), mined, curation, itemsets, shoppers);
    }

    private static Override RandomOverride(Random random, int slots)
    {
        var product = random.Next(1, ProductCount + 1);
        var expired = random.NextDouble() < 0.15;
        DateTime? expires = expired ? AsOf.AddDays(-1) : null;
        return random.Next(0, 3) switch
        {
            0 => new Pin(product, random.Next(1, slots + 2), "pin", ExpiresAt: expires),
            1 => new Add(product, random.Next(0, 5), "add", ExpiresAt: expires),
            _ => new Exclude(product, "exclude", ExpiresAt: expires),
        };
    }

    private static CatalogView RandomCatalog(Random random)
    {
        int[] departments = [1, 2];
        int[] leaves = [11, 12, 13, 21, 22];
        var products = new Dictionary<int, ProductInfo>();
        for (var id = 1; id <= ProductCount; id++)
        {
            var leaf = leaves[random.Next(leaves.Length)];
            var stock = random.NextDouble() < 0.15 ? 0 : 10;
            products[id] = new ProductInfo(id, $"P{id}", $"Product {id}", "Brand", leaf, leaf / 10, 5m, stock, random.NextDouble() > 0.05, new HashSet<string>());
        }
        ComplementRuleInfo[] rules = [new(11, null, 21), new(2, null, 13)];
        var bestSellers = leaves.Concat(departments).ToDictionary(
            category => category,
            category => (IReadOnlyList<int>)[.. products.Values.Where(p => p.CategoryId == category || p.DepartmentId == category).Select(p => p.Id)]);
        return new CatalogView(products, leaves.Concat(departments).ToDictionary(c => c, c => $"Category {c}"), rules, bestSellers);
    }
}
