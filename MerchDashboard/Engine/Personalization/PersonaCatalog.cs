using MerchDashboard.Engine.Catalog;

namespace MerchDashboard.Engine.Personalization;

/// <summary>
/// The built-in personas and how their histories are drawn from a catalog. The n-th product picked for a
/// persona (counting from 0 across its rules) is bought once, <c>7 + 21·n</c> days before the as-of time, so
/// the first rule's products are the most recent.
/// </summary>
public static class PersonaCatalog
{
    public static PersonaDefinition NewVisitor { get; } = new(
        "new-visitor", "New visitor", "First visit, no history: sees best sellers and unpersonalized lists.", []);

    public static PersonaDefinition Gamer { get; } = new(
        "gamer", "Gamer", "Buys consoles, games and gaming accessories.",
        [
            new(["console", "video game"], 3),
            new(["gaming", "headset", "controller"], 2),
        ]);

    public static PersonaDefinition Parent { get; } = new(
        "parent", "Parent", "Buys toys for young children, and the batteries they need.",
        [
            new(["toy", "lego", "doll", "puzzle", "board game", "plush", "kid"], 4),
            new(["batter"], 1),
        ]);

    public static PersonaDefinition Photographer { get; } = new(
        "photographer", "Photographer", "Buys cameras, lenses and photo accessories.",
        [
            new(["camera"], 2),
            new(["lens", "tripod", "memory card", "photo", "flash"], 3),
        ]);

    public static PersonaDefinition BargainHunter { get; } = new(
        "bargain-hunter", "Bargain hunter", "Buys the cheapest popular items of any category; price weighs 40% of affinity.",
        [new([], 5, PersonaPreference.Cheapest)],
        PriceSensitivity: 0.4);

    public static IReadOnlyList<PersonaDefinition> All { get; } = [NewVisitor, Gamer, Parent, Photographer, BargainHunter];

    public static PersonaDefinition? Find(string key) =>
        All.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>Histories of all built-in personas, in <see cref="All"/> order.</summary>
    public static IReadOnlyList<PersonaHistory> Build(CatalogIndex catalog, IReadOnlyList<int> bestSellers, DateTime asOf) =>
        [.. All.Select(persona => Build(persona, catalog, bestSellers, asOf))];

    public static PersonaHistory Build(PersonaDefinition persona, CatalogIndex catalog, IReadOnlyList<int> bestSellers, DateTime asOf)
    {
        ArgumentNullException.ThrowIfNull(persona);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(bestSellers);
        var rank = new Dictionary<int, int>();
        for (var r = 0; r < bestSellers.Count; r++)
        {
            rank.TryAdd(bestSellers[r], r);
        }

        var picked = new List<int>();
        foreach (var rule in persona.Rules)
        {
            var matching = catalog.Products
                .Where(p => p.IsActive && !picked.Contains(p.Id) && Matches(rule, p, catalog));
            var ordered = rule.Prefer == PersonaPreference.Cheapest
                ? matching.OrderBy(p => catalog.Cheapness(p) >= 0.5 ? 0 : 1).ThenBy(p => rank.GetValueOrDefault(p.Id, int.MaxValue))
                : matching.OrderBy(p => rank.GetValueOrDefault(p.Id, int.MaxValue));
            picked.AddRange(ordered.ThenBy(p => p.Id).Take(rule.Count).Select(p => p.Id));
        }

        var purchases = picked.Select((id, n) => new Purchase(0, id, asOf.AddDays(-(7 + 21 * n)), 1)).ToArray();
        return new PersonaHistory(persona, purchases);
    }

    private static bool Matches(PersonaRule rule, ProductInfo product, CatalogIndex catalog) =>
        rule.CategoryKeywords.Count == 0 || rule.CategoryKeywords.Any(k => catalog.IsInCategoryNamed(product, k));
}
