using MerchDashboard.Data.Entities;
using MerchDashboard.Engine.Composition;

namespace MerchDashboard.Features.Curation;

/// <summary>One override as stored, in a form that serialises into the audit trail.</summary>
public sealed record OverrideState(
    OverrideKind Kind, int ProductId, int Position, DateTime? StartsAt, DateTime? ExpiresAt, string Note)
{
    public static OverrideState From(CurationOverride o) => new(o.Kind, o.ProductId, o.Position, o.StartsAt, o.ExpiresAt, o.Note);
}

/// <summary>
/// A curated list's whole state: what the audit trail records before and after every change.
/// <see cref="Frozen"/> is what a lock froze, kept apart from the merchandiser's overrides (empty when unlocked).
/// </summary>
public sealed record ListState(ListMode Mode, int? LockedTopN, string Note, IReadOnlyList<OverrideState> Overrides)
{
    public static readonly ListState Automatic = new(ListMode.Auto, null, "", []);

    public IReadOnlyList<FrozenSlot> Frozen { get; init; } = [];

    public bool IsLocked => Mode is ListMode.Locked or ListMode.LockedTopN;

    public static ListState From(CuratedList? list) => list is null
        ? Automatic
        : new(list.Mode, list.LockedTopN, list.Note,
            list.Overrides.OrderBy(o => o.Kind).ThenBy(o => o.Position).ThenBy(o => o.ProductId).Select(OverrideState.From).ToList())
        {
            Frozen = [.. list.LockedSlots.OrderBy(s => s.Position).Select(s => new FrozenSlot(s.ProductId, s.Position, s.Source))],
        };

    /// <summary>Same mode, note, overrides and frozen slots (records compare lists by reference).</summary>
    public bool SameAs(ListState other) =>
        Mode == other.Mode && LockedTopN == other.LockedTopN && Note == other.Note
        && Overrides.SequenceEqual(other.Overrides) && Frozen.SequenceEqual(other.Frozen);
}

/// <summary>The list of an anchor with its version, for optimistic concurrency: a change names the version it was made on.</summary>
public sealed record VersionedList(int AnchorProductId, int Version, ListState State, DateTime? UpdatedAt, string UpdatedBy);

/// <summary>What a merchandiser can do to a list: a closed set, applied by <see cref="CurationCommands"/>.</summary>
public abstract record CurationChange
{
    /// <summary>Put an item at a slot (1-based); an existing pin of the item moves.</summary>
    public sealed record Pin(int ProductId, int Position, DateTime? StartsAt = null, DateTime? ExpiresAt = null, string Note = "") : CurationChange;

    /// <summary>Add an item by hand (it joins the candidates even without mined evidence).</summary>
    public sealed record Add(int ProductId, DateTime? StartsAt = null, DateTime? ExpiresAt = null, string Note = "") : CurationChange;

    /// <summary>Never show an item for this anchor; the reason is required.</summary>
    public sealed record Exclude(int ProductId, string Reason, DateTime? StartsAt = null, DateTime? ExpiresAt = null) : CurationChange;

    /// <summary>Drop every override of the item (unpin, un-add, un-exclude).</summary>
    public sealed record Remove(int ProductId) : CurationChange;

    /// <summary>A move in the final list (drag or arrows): pins only this item at the slot, keeping its note and window.</summary>
    public sealed record Move(int ProductId, int Position) : CurationChange;

    /// <summary>
    /// Freeze the list as every shopper sees it (<paramref name="Shown"/>, the anonymous composition): all of
    /// it, or with TopN only the first N slots. The overrides stay as they are.
    /// </summary>
    public sealed record LockList(IReadOnlyList<FrozenSlot> Shown, int? TopN) : CurationChange;

    /// <summary>Replace every override of the list at once (the curation API's PUT); each is a Pin, Add or Exclude, validated as in the editor. A lock stays.</summary>
    public sealed record ReplaceOverrides(IReadOnlyList<CurationChange> Overrides) : CurationChange;

    /// <summary>Forget what the lock froze: the overrides apply again and the free slots are ranked again.</summary>
    public sealed record UnlockList : CurationChange;

    /// <summary>Drop every override: the list is automatic again.</summary>
    public sealed record RevertToAuto : CurationChange;

    public sealed record SetNote(string Note) : CurationChange;

    /// <summary>Bring back a whole earlier state (undo, redo, a history entry); <paramref name="Label"/> names it in the audit.</summary>
    public sealed record Restore(ListState State, string Label) : CurationChange;
}

public sealed record CurationResult(bool Succeeded, string? Error, VersionedList Current, bool Conflict = false)
{
    public static CurationResult Ok(VersionedList current) => new(true, null, current);
    public static CurationResult Refused(string error, VersionedList current) => new(false, error, current);
    public static CurationResult Stale(VersionedList current) => new(false,
        $"Someone else changed this list (now version {current.Version}, last by {current.UpdatedBy}); your change was not saved. The current list is shown.",
        current, Conflict: true);
}
