namespace MerchDashboard.Engine.Personalization;

/// <summary>How a persona rule orders the matching products before taking the first ones.</summary>
public enum PersonaPreference
{
    /// <summary>Best sellers first, then by product id.</summary>
    BestSellers,

    /// <summary>Products in the cheaper half of their category (cheapness at least 0.5) first, best sellers first among them.</summary>
    Cheapest,
}

/// <summary>
/// "Take <see cref="Count"/> active products from categories (leaf or department) whose names contain any of
/// the keywords"; no keywords means any category.
/// </summary>
public sealed record PersonaRule(IReadOnlyList<string> CategoryKeywords, int Count, PersonaPreference Prefer = PersonaPreference.BestSellers);

/// <summary>
/// A synthetic shopper defined as data, so it applies to any catalog with matching category names.
/// <see cref="PriceSensitivity"/> is the s of <see cref="ShopperProfile"/>.
/// </summary>
public sealed record PersonaDefinition(
    string Key, string Name, string Description, IReadOnlyList<PersonaRule> Rules, double PriceSensitivity = 0);

/// <summary>A persona's made-up purchase history over one catalog (empty when no category matched).</summary>
public sealed record PersonaHistory(PersonaDefinition Persona, IReadOnlyList<Purchase> Purchases);
