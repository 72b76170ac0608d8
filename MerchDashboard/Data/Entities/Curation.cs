namespace MerchDashboard.Data.Entities;

public enum ListMode
{
    Auto = 0,
    Curated = 1,
    Locked = 2,
    LockedTopN = 3,
}

public enum OverrideKind
{
    Pin = 0,
    Add = 1,
    Exclude = 2,
}

/// <summary>A merchandiser's list for one anchor product. <see cref="Version"/> guards against lost updates.</summary>
public sealed class CuratedList
{
    public int Id { get; set; }
    public int AnchorProductId { get; set; }
    public Product? AnchorProduct { get; set; }
    public ListMode Mode { get; set; }
    public int? LockedTopN { get; set; }
    public string Note { get; set; } = "";
    public int Version { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public List<CurationOverride> Overrides { get; set; } = [];
    /// <summary>What the lock froze, apart from the overrides; empty unless the list is locked.</summary>
    public List<LockedSlot> LockedSlots { get; set; } = [];
}

/// <summary>One slot of a locked list as every shopper saw it at the moment of locking.</summary>
public sealed class LockedSlot
{
    public int Id { get; set; }
    public int CuratedListId { get; set; }
    public CuratedList? CuratedList { get; set; }
    /// <summary>1-based slot.</summary>
    public int Position { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    /// <summary>Why the item held the slot when the list was locked (mined, rule, pinned...).</summary>
    public Engine.Composition.SlotSource Source { get; set; }
}

public sealed class CurationOverride
{
    public int Id { get; set; }
    public int CuratedListId { get; set; }
    public CuratedList? CuratedList { get; set; }
    public OverrideKind Kind { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    /// <summary>1-based slot for pins; order of manual adds.</summary>
    public int Position { get; set; }
    public DateTime? StartsAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public string Note { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}

/// <summary>One change to curation: who, when, what, and the list's state before and after as JSON.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string User { get; set; } = "";
    public required string Action { get; set; }
    public int? AnchorProductId { get; set; }
    public string Summary { get; set; } = "";
    public string? Before { get; set; }
    public string? After { get; set; }
}

/// <summary>
/// A merchandiser's hint that products of a category (or carrying a tag) go with products of a target
/// category, e.g. tag <c>needs-batteries</c> goes with category <c>batteries</c>.
/// </summary>
public sealed class ComplementRule
{
    public int Id { get; set; }
    public int? SourceCategoryId { get; set; }
    public Category? SourceCategory { get; set; }
    public string? SourceTag { get; set; }
    public int TargetCategoryId { get; set; }
    public Category? TargetCategory { get; set; }
    public string Note { get; set; } = "";
    public bool IsActive { get; set; } = true;
}
