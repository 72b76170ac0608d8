using MerchDashboard.Engine.Composition;

namespace MerchDashboard.Data.Entities;

/// <summary>
/// A merchandiser's setting for one category: whether its products go together, are alternatives, or are
/// decided by co-purchase evidence (no row means evidence). Changes are audited like other curation changes.
/// </summary>
public sealed class CategoryPairingSetting
{
    public int CategoryId { get; set; }
    public Category? Category { get; set; }
    public CategoryPairing Pairing { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}
