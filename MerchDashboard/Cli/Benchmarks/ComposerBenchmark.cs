using System.Diagnostics;
using MerchDashboard.Engine.Catalog;
using MerchDashboard.Engine.Composition;

namespace MerchDashboard.Cli.Benchmarks;

/// <summary>
/// Times <see cref="Composer.Compose"/> on a generated store: 2,000 products in 10 departments of 8 leaves,
/// 30 complement rules, 64 anchors with 50 mined candidates each, every fourth anchor curated (a pin, an add,
/// an exclusion), K = 8. It lives outside Engine/ because it reads the clock.
/// </summary>
public static class ComposerBenchmark
{
    public const int Slots = 8;
    private const int Products = 2_000, Departments = 10, LeavesPerDepartment = 8, Anchors = 64, MinedPerAnchor = 50;

    /// <summary>Mean nanoseconds per composition, after a warm-up; personalized compositions use a shopper with 200 affinities.</summary>
    public static double MeanNanosecondsPerComposition(int compositions = 100_000, bool personalized = false, int seed = 7)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(compositions);
        var random = new Random(seed);
        var catalog = GenerateCatalog(random);
        var asOf = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var shopper = personalized ? new BenchmarkShopper(random) : null;
        var cases = Enumerable.Range(0, Anchors).Select(_ => GenerateCase(random, catalog, asOf, shopper)).ToArray();

        var sink = 0;
        for (var i = 0; i < 5_000; i++)
        {
            sink += Compose(cases[i % cases.Length], catalog);
        }
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < compositions; i++)
        {
            sink += Compose(cases[i % cases.Length], catalog);
        }
        stopwatch.Stop();
        GC.KeepAlive(sink);
        return stopwatch.Elapsed.TotalNanoseconds / compositions;
    }

    private static int Compose(BenchmarkCase c, CatalogView catalog) =>
        Composer.Compose(c.Request, catalog, c.Mined, c.Curation).Slots.Count;

    private static CatalogView GenerateCatalog(Random random)
    {
        var leafCount = Departments * LeavesPerDepartment;
        var products = new Dictionary<int, ProductInfo>();
        for (var id = 1; id <= Products; id++)
        {
            var leaf = 1_000 + random.Next(leafCount);
            var department = (leaf - 1_000) / LeavesPerDepartment;
            IReadOnlySet<string> tags = random.Next(10) == 0 ? new HashSet<string> { "needs-batteries" } : new HashSet<string>();
            products[id] = new ProductInfo(id, $"SKU{id}", $"Product {id}", "Brand", leaf, department, 10m,
                random.Next(10) == 0 ? 0 : 5, IsActive: true, tags);
        }
        var rules = Enumerable.Range(0, 30).Select(i => i % 3 == 0
            ? new ComplementRuleInfo(null, "needs-batteries", 1_000 + random.Next(leafCount), "needs batteries")
            : new ComplementRuleInfo(1_000 + random.Next(leafCount), null, 1_000 + random.Next(leafCount))).ToList();
        var bestSellers = products.Values
            .SelectMany(p => new[] { (Category: p.CategoryId, p.Id), (Category: p.DepartmentId!.Value, p.Id) })
            .GroupBy(x => x.Category)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<int>)[.. g.Select(x => x.Id).OrderBy(_ => random.Next())]);
        var names = bestSellers.Keys.ToDictionary(id => id, id => $"Category {id}");
        return new CatalogView(products, names, rules, bestSellers);
    }

    private static BenchmarkCase GenerateCase(Random random, CatalogView catalog, DateTime asOf, IShopperAffinity? shopper)
    {
        var anchor = random.Next(1, Products + 1);
        var mined = Enumerable.Range(0, MinedPerAnchor)
            .Select(_ => new MinedCandidate(random.Next(1, Products + 1), random.Next(5, 500), 0.01, 0.2, 1 + (3 * random.NextDouble()), random.NextDouble()))
            .ToList();
        var curation = anchor % 4 != 0
            ? CurationState.Auto
            : new CurationState(CurationMode.Curated,
                [new Pin(mined[10].ProductId, 1), new Add(mined[20].ProductId, 1), new Exclude(mined[0].ProductId, ExpiresAt: asOf.AddDays(1))]);
        return new BenchmarkCase(new CompositionRequest(anchor, Slots, asOf, shopper), mined, curation);
    }

    private sealed record BenchmarkCase(CompositionRequest Request, IReadOnlyList<MinedCandidate> Mined, CurationState Curation);

    private sealed class BenchmarkShopper(Random random) : IShopperAffinity
    {
        private readonly Dictionary<int, double> _affinities =
            Enumerable.Range(0, 200).Select(_ => random.Next(1, Products + 1)).Distinct().ToDictionary(id => id, _ => random.NextDouble());

        public string ShopperLabel => "benchmark shopper";

        public double AffinityFor(ProductInfo product) => _affinities.GetValueOrDefault(product.Id);

        public string? ReasonFor(ProductInfo product) => "because you bought something similar";
    }
}
