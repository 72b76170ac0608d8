using MerchDashboard.Engine.Catalog;

namespace MerchDashboard.Engine.Composition;

/// <summary>One item the composer may place, with what it needs to rank and explain it.</summary>
internal struct Candidate
{
    public ProductInfo Product;
    public SlotSource Source;
    /// <summary>Complement strength in [0, 1]; see <see cref="CandidateRanking"/>.</summary>
    public double Complement;
    public int PinPosition;
    public string? Note;
    public MinedCandidate? Pair;
    public ComplementRuleInfo? Rule;
    public int FallbackCategoryId;
    /// <summary>How the product relates to the anchor when both share a leaf category; explains a same-category complement.</summary>
    public Kinship Kinship;
}
