namespace MerchDashboard.Engine.Composition;

/// <summary>
/// How products of one category relate to each other, as the merchandiser sets it per category.
/// The numeric values are stored in the database; do not renumber them.
/// </summary>
public enum CategoryPairing
{
    /// <summary>The default: alternatives, unless the mined pair passes <see cref="SameCategoryEvidence"/>.</summary>
    ByEvidence = 0,

    /// <summary>A collection: items of the category complement each other and are never substitutes.</summary>
    GoTogether = 1,

    /// <summary>Alternatives to each other: always substitutes, whatever the co-purchase evidence.</summary>
    Alternatives = 2,
}

/// <summary>
/// When two products of the same category count as bought together rather than as alternatives: the mined
/// pair has at least <see cref="MinCoPurchases"/> orders with both, and a lift of at least
/// <see cref="MinLift"/> (they share orders that many times more often than independent purchases would).
/// Substitutes rarely share an order at all (lift below 1), so a high lift on many orders is a collection.
/// </summary>
public sealed record SameCategoryEvidence(double MinLift, int MinCoPurchases)
{
    public static SameCategoryEvidence Default { get; } = new(3.0, 10);

    public bool IsBoughtTogether(MinedCandidate? pair) =>
        pair is not null && pair.CoPurchaseCount >= MinCoPurchases && pair.Lift >= MinLift;
}

/// <summary>Why a product of the anchor's own leaf category is, or is not, a substitute of the anchor.</summary>
internal enum Kinship
{
    OtherCategory,
    /// <summary>The anchor has no known category (none, or the importer's placeholder): nothing is its substitute.</summary>
    UnknownCategory,
    SetToGoTogether,
    BoughtTogether,
    SetAsAlternatives,
    NoEvidence,
}
