namespace MerchDashboard.Engine.Personalization;

/// <summary>Builds <see cref="ShopperProfile"/>s; the formulas are on that type.</summary>
public static class ShopperProfileBuilder
{
    public const string NewVisitorLabel = "new visitor";

    /// <summary>A shopper with no history: affinity 0 for every product.</summary>
    public static ShopperProfile Empty(PersonalizationModel model, string label = NewVisitorLabel) =>
        new(label, 0, model, ProfileParts.Empty);

    /// <summary>
    /// A profile from a shopper's purchase lines; lines after <paramref name="asOf"/> are ignored, and lines of
    /// products missing from the catalog count as owned items but for no category or brand.
    /// </summary>
    public static ShopperProfile Build(
        string label, IEnumerable<Purchase> history, DateTime asOf, PersonalizationModel model, double priceSensitivity = 0)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegative(priceSensitivity);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(priceSensitivity, 1);
        var halfLife = model.Options.HalfLifeDays;
        var lines = history.Where(p => p.At <= asOf).ToList();
        if (lines.Count == 0)
        {
            return new ShopperProfile(label, priceSensitivity, model, ProfileParts.Empty);
        }

        var itemRecency = new Dictionary<int, double>();
        var categories = new Tally<int>();
        var brands = new Tally<string>();
        foreach (var line in lines)
        {
            var decay = RecencyDecay.Weight(line.At, asOf, halfLife);
            itemRecency[line.ProductId] = Math.Max(decay, itemRecency.GetValueOrDefault(line.ProductId));
            if (model.Catalog.Find(line.ProductId) is { } product)
            {
                categories.Add(product.CategoryId, line.ProductId, decay);
                if (product.Brand.Length > 0)
                {
                    brands.Add(product.Brand, line.ProductId, decay);
                }
            }
        }

        var itemWeights = Normalize(itemRecency);
        var parts = new ProfileParts(
            itemWeights,
            Normalize(categories.Weights),
            Normalize(brands.Weights),
            () => categories.Drivers(),
            () => brands.Drivers(),
            categories.Lines);
        return new ShopperProfile(label, priceSensitivity, model, parts);
    }

    /// <summary>A hand-built history: each chosen product bought once, at the as-of time.</summary>
    public static ShopperProfile FromHandPicked(
        IEnumerable<int> productIds, DateTime asOf, PersonalizationModel model, string label = "hand-built history")
    {
        ArgumentNullException.ThrowIfNull(productIds);
        return Build(label, productIds.Distinct().Select(id => new Purchase(0, id, asOf, 1)), asOf, model);
    }

    public static ShopperProfile ForPersona(PersonaHistory persona, DateTime asOf, PersonalizationModel model)
    {
        ArgumentNullException.ThrowIfNull(persona);
        return Build($"persona: {persona.Persona.Key}", persona.Purchases, asOf, model, persona.Persona.PriceSensitivity);
    }

    private static Dictionary<TKey, double> Normalize<TKey>(Dictionary<TKey, double> raw)
        where TKey : notnull
    {
        var max = raw.Count == 0 ? 0 : raw.Values.Max();
        return max <= 0 ? [] : raw.ToDictionary(kv => kv.Key, kv => kv.Value / max);
    }

    /// <summary>Decayed weight, line count and contributing products per category or brand.</summary>
    private sealed class Tally<TKey>
        where TKey : notnull
    {
        private readonly Dictionary<TKey, Dictionary<int, double>> byProduct = [];

        public Dictionary<TKey, double> Weights { get; } = [];

        public Dictionary<TKey, int> Lines { get; } = [];

        public void Add(TKey key, int productId, double decay)
        {
            Weights[key] = Weights.GetValueOrDefault(key) + decay;
            Lines[key] = Lines.GetValueOrDefault(key) + 1;
            if (!byProduct.TryGetValue(key, out var products))
            {
                byProduct[key] = products = [];
            }

            products[productId] = products.GetValueOrDefault(productId) + decay;
        }

        public Dictionary<TKey, IReadOnlyList<int>> Drivers() =>
            byProduct.ToDictionary(
                kv => kv.Key,
                kv => (IReadOnlyList<int>)[.. kv.Value.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Select(p => p.Key)]);
    }
}
