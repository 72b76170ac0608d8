namespace MerchDashboard.Data.Seeding;

/// <summary>
/// Builds the category tree and the products from <see cref="CatalogBlueprint"/>: names from templates,
/// prices from the quality tier ending in .99 or .49, a Zipf-like popularity within each category (a few
/// best sellers), and a few products that were discontinued, launched late, not yet sold, or sold out.
/// </summary>
internal static class CatalogGenerator
{
    public const string NewArrival = "new-arrival";

    public static IReadOnlyList<SeedCategory> Categories() =>
    [
        .. CatalogBlueprint.Departments.Select(d => new SeedCategory(d.Code, d.Name, null)),
        .. CatalogBlueprint.Departments.SelectMany(d => CatalogBlueprint.Categories
            .Where(c => c.Department == d.Code).Select(c => new SeedCategory(c.Code, c.Name, d.Code))),
    ];

    public static IReadOnlyList<SeedProduct> Products(Random rng, SeedSettings settings)
    {
        var products = new List<SeedProduct>();
        var byCategory = new Dictionary<string, List<SeedProduct>>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        IReadOnlyList<SeedProduct> Earlier(string code) => byCategory[code];

        foreach (var spec in CatalogBlueprint.Categories)
        {
            var ranks = Enumerable.Range(0, spec.Count).ToArray();
            rng.Shuffle(ranks);
            var made = new List<SeedProduct>(spec.Count);
            for (var i = 0; i < spec.Count; i++)
            {
                var (draft, quality, brand) = UniqueDraft(rng, spec, i, names, Earlier);
                var price = Price(rng, quality, spec.MinPrice, spec.MaxPrice);
                var (active, stock, from, until, extraTag) = Lifecycle(rng, settings, price);
                var popularity = 1 / Math.Pow(ranks[i] + 1, 1.1);
                string[] tags = extraTag is null ? spec.Tags : [.. spec.Tags, extraTag];
                made.Add(new SeedProduct(products.Count + made.Count, $"{spec.SkuPrefix}-{i + 1:0000}", draft.Name, brand,
                    spec.Code, price, stock, active, tags, draft.Fit, popularity, from, until));
            }
            byCategory[spec.Code] = made;
            products.AddRange(made);
        }
        return products;
    }

    private static (ProductDraft Draft, double Quality, string Brand) UniqueDraft(
        Random rng, CategorySpec spec, int ordinal, HashSet<string> names, Func<string, IReadOnlyList<SeedProduct>> earlier)
    {
        for (var attempt = 0; ; attempt++)
        {
            var brand = rng.Pick(spec.Brands);
            var quality = rng.NextDouble();
            var draft = spec.Namer(new NameContext(rng, brand, quality, ordinal, earlier));
            var name = attempt < 40 ? draft.Name : $"{draft.Name} ({attempt})";
            if (names.Add(name))
            {
                return (draft with { Name = name }, draft.Quality ?? quality, draft.Brand ?? brand);
            }
        }
    }

    /// <summary>Higher quality costs more, with some spread; the price ends in .99 (mostly) or .49.</summary>
    private static decimal Price(Random rng, double quality, decimal min, decimal max)
    {
        var raw = (double)min + (double)(max - min) * Math.Pow(quality, 1.3) * (0.9 + 0.2 * rng.NextDouble());
        raw = Math.Clamp(raw, (double)min, (double)max);
        var whole = raw >= 100 ? Math.Round(raw / 10) * 10 - 1 : Math.Floor(raw);
        return (decimal)whole + (rng.Chance(0.75) ? 0.99m : 0.49m);
    }

    private static (bool Active, int Stock, DateTime? From, DateTime? Until, string? Tag) Lifecycle(Random rng, SeedSettings settings, decimal price)
    {
        var months = (settings.End.Year - settings.Start.Year) * 12 + settings.End.Month - settings.Start.Month;
        var stock = price > 300 ? rng.Next(3, 60) : rng.Next(20, 400);
        var u = rng.NextDouble();
        if (u < 0.03)
        {
            return (false, rng.Next(0, 6), null, settings.Start.AddMonths(rng.Next(months / 3, months - 1)), null);
        }
        if (u < 0.10)
        {
            return (true, stock, settings.Start.AddMonths(rng.Next(2, months - 2)), null, null);
        }
        if (u < 0.115)
        {
            return (true, stock, settings.End.AddDays(rng.Next(1, 20)), null, NewArrival);
        }
        return (true, u < 0.14 ? 0 : stock, null, null, null);
    }
}
