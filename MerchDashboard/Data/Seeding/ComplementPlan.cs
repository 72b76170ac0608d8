namespace MerchDashboard.Data.Seeding;

/// <summary>
/// Which specific complements each main product is usually bought with: for every complement edge, 2-3
/// items of the target category that fit the product (same laptop size, phone model, cartridge series,
/// platform, battery type, card type), weighted by popularity. Buying from this short list is what gives
/// specific pairs a strong lift. One anchor <em>drifts</em>: until <see cref="DriftEnds"/> its buyers took
/// other items (<see cref="DriftedItems"/>) than they do later.
/// </summary>
internal sealed class ComplementPlan
{
    private readonly Dictionary<(int Product, string Category), SeedProduct[]> _preferred = [];
    private readonly Dictionary<string, SeedProduct[]> _drifted = new(StringComparer.Ordinal);

    public SeedProduct? DriftAnchor { get; private set; }
    public DateTime DriftEnds { get; private set; }
    public IEnumerable<SeedProduct> DriftedItems => _drifted.Values.SelectMany(items => items);

    /// <summary>The plan; each of the <paramref name="usual"/> pairs (the planted problems' pins) puts the item first in its anchor's short list.</summary>
    public static ComplementPlan Build(Random rng, IReadOnlyList<SeedProduct> products, SeedSettings settings, IEnumerable<(SeedProduct Anchor, SeedProduct Item)> usual)
    {
        var plan = new ComplementPlan();
        var byCategory = products.GroupBy(p => p.CategoryCode).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var edge in CatalogBlueprint.Complements)
        {
            var targets = byCategory[edge.Target];
            var fitted = targets.Any(t => t.Fit is not null);
            foreach (var main in byCategory[edge.Source])
            {
                var candidates = targets.Where(t => !fitted || t.Fit == main.Fit).ToList();
                var lasting = candidates.Where(t => t.SellsFrom is null).ToList();
                var chosen = PickByPopularity(rng, lasting.Count > 0 ? lasting : candidates, rng.Next(2, 4));
                if (chosen.Length > 0)
                {
                    plan._preferred[(main.Index, edge.Target)] = chosen;
                }
            }
        }
        foreach (var (anchor, item) in usual)
        {
            var current = plan._preferred.GetValueOrDefault((anchor.Index, item.CategoryCode), []);
            plan._preferred[(anchor.Index, item.CategoryCode)] = [item, .. current.Where(p => p.Index != item.Index).Take(2)];
        }
        plan.PlantDrift(rng, byCategory["smartphones"], byCategory, settings);
        return plan;
    }

    /// <summary>The complements a buyer of <paramref name="main"/> usually adds from <paramref name="category"/> at that time, best first.</summary>
    public IReadOnlyList<SeedProduct> PreferredFor(SeedProduct main, string category, DateTime at)
    {
        if (main == DriftAnchor && at < DriftEnds && _drifted.TryGetValue(category, out var early))
        {
            return early;
        }
        return _preferred.TryGetValue((main.Index, category), out var items) ? items : [];
    }

    /// <summary>The second best-selling phone's buyers took other accessories in the first months than they do now.</summary>
    private void PlantDrift(Random rng, List<SeedProduct> phones, Dictionary<string, List<SeedProduct>> byCategory, SeedSettings settings)
    {
        DriftAnchor = phones.Where(IsShowcase).OrderByDescending(p => p.Popularity).Skip(1).First();
        DriftEnds = settings.Start.AddMonths(4);
        foreach (var category in new[] { "chargers", "headphones", "power-banks" })
        {
            var current = PreferredFor(DriftAnchor, category, settings.End);
            var others = byCategory[category].Where(p => IsShowcase(p) && !current.Contains(p)).ToList();
            _drifted[category] = PickByPopularity(rng, others, 1);
            _preferred[(DriftAnchor.Index, category)] = [.. current.Where(p => !_drifted[category].Contains(p))];
        }
    }

    /// <summary>A product fit to show in a curated list: sold all along, active and in stock.</summary>
    public static bool IsShowcase(SeedProduct p) => p.SellsThroughout && p.Active && p.Stock > 0;

    private static SeedProduct[] PickByPopularity(Random rng, List<SeedProduct> candidates, int count)
    {
        var pool = candidates.ToList();
        var chosen = new List<SeedProduct>();
        while (chosen.Count < count && pool.Count > 0)
        {
            var i = rng.PickWeighted(pool.Select(p => p.Popularity).ToList());
            chosen.Add(pool[i]);
            pool.RemoveAt(i);
        }
        return [.. chosen];
    }
}
