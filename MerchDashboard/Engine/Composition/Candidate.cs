using MerchDashboard.Engine.Catalog;

namespace MerchDashboard.Engine.Composition;

/// <summary>One item the composer may place, with what it needs to rank and explain it.</summary>
internal struct Candidate
{
    public ProductInfo Product;
    public SlotSource Source;
    /// <summary>Complement strength in [0, 1]; see <see cref="CandidateRanking"/>.</summary>
    public double Complement;
    /// <summary>Complement blended with the shopper's affinity; equals <see cref="Complement"/> without a shopper.</summary>
    public double Blended;
    /// <summary>Order within the source: the add's rank, the mined index, the rule item's rank.</summary>
    public int Tie;
    public int PinPosition;
    public string? Note;
    public MinedCandidate? Pair;
    public ComplementRuleInfo? Rule;
    public int FallbackCategoryId;
}
