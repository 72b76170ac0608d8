using MerchDashboard.Data.Entities;
using static MerchDashboard.Features.Curation.CurationChange;

namespace MerchDashboard.Features.Curation;

/// <summary>
/// How each change turns one list state into the next, as a pure function, so the rules read top to
/// bottom and are tested without a database. An expected refusal is a value (Error), not an exception.
/// </summary>
public static class ListTransitions
{
    public const int MaxSlots = 20;

    public sealed record Outcome(ListState? Next, string Summary, string? Error = null);

    public static Outcome Apply(ListState state, CurationChange change, int anchorProductId, ListState? beforeLastChange, Func<int, string> describe)
    {
        switch (change)
        {
            case Pin { Position: < 1 or > MaxSlots } pin:
                return Refuse($"A pin needs a slot from 1 to {MaxSlots}, not {pin.Position}.");
            case Pin or Add or Exclude when ProductOf(change) == anchorProductId:
                return Refuse("A product cannot be suggested with itself.");
            case Pin or Add or Exclude when WindowError(change) is { } windowError:
                return Refuse(windowError);
            case Exclude { Reason: var reason } when string.IsNullOrWhiteSpace(reason):
                return Refuse("Say why the item is excluded; the reason is shown to other merchandisers.");
            case Pin pin:
            {
                var others = Without(state.Overrides, pin.ProductId).Where(o => !(o.Kind == OverrideKind.Pin && o.Position == pin.Position));
                var next = others.Append(new OverrideState(OverrideKind.Pin, pin.ProductId, pin.Position, pin.StartsAt, pin.ExpiresAt, pin.Note));
                return Next(state with { Mode = Curated(state.Mode), Overrides = Sorted(next) }, $"Pinned {describe(pin.ProductId)} at slot {pin.Position}");
            }
            case Add add:
            {
                var order = state.Overrides.Where(o => o.Kind == OverrideKind.Add).Select(o => o.Position).DefaultIfEmpty(0).Max() + 1;
                var next = Without(state.Overrides, add.ProductId)
                    .Append(new OverrideState(OverrideKind.Add, add.ProductId, order, add.StartsAt, add.ExpiresAt, add.Note));
                return Next(state with { Mode = Curated(state.Mode), Overrides = Sorted(next) }, $"Added {describe(add.ProductId)} by hand");
            }
            case Exclude exclude:
            {
                var next = Without(state.Overrides, exclude.ProductId)
                    .Append(new OverrideState(OverrideKind.Exclude, exclude.ProductId, 0, exclude.StartsAt, exclude.ExpiresAt, exclude.Reason.Trim()));
                return Next(state with { Mode = Curated(state.Mode), Overrides = Sorted(next) }, $"Excluded {describe(exclude.ProductId)}: {exclude.Reason.Trim()}");
            }
            case Remove remove when state.Overrides.All(o => o.ProductId != remove.ProductId):
                return Refuse("That item has no override on this list.");
            case Remove remove:
                return Next(Settle(state with { Overrides = Sorted(Without(state.Overrides, remove.ProductId)) }), $"Removed the overrides of {describe(remove.ProductId)}");
            case Reorder reorder when reorder.ProductIds.Count > MaxSlots || reorder.ProductIds.Distinct().Count() != reorder.ProductIds.Count:
                return Refuse($"A new order lists each item once, {MaxSlots} at most.");
            case Reorder reorder:
            {
                var kept = state.Overrides.Where(o => o.Kind != OverrideKind.Pin && !reorder.ProductIds.Contains(o.ProductId));
                var pins = reorder.ProductIds.Select((id, i) => PinFor(state, id, i + 1));
                return Next(state with { Mode = Curated(state.Mode), Overrides = Sorted(kept.Concat(pins)) }, $"Reordered the pinned items: {string.Join(", ", reorder.ProductIds.Select(describe))}");
            }
            case LockList { ShownProductIds.Count: 0 }:
                return Refuse("There is nothing to lock: the list is empty.");
            case LockList { TopN: < 1 } or LockList { TopN: > MaxSlots }:
                return Refuse($"Lock between 1 and {MaxSlots} leading slots.");
            case LockList lockChange:
            {
                var frozen = lockChange.ShownProductIds.Take(lockChange.TopN ?? lockChange.ShownProductIds.Count).ToList();
                var kept = state.Overrides.Where(o => o.Kind == OverrideKind.Exclude && !frozen.Contains(o.ProductId));
                var pins = frozen.Select((id, i) => PinFor(state, id, i + 1));
                var mode = lockChange.TopN is null ? ListMode.Locked : ListMode.LockedTopN;
                var summary = lockChange.TopN is { } n ? $"Locked the top {n} slots" : $"Locked the whole list ({frozen.Count} items)";
                return Next(state with { Mode = mode, LockedTopN = lockChange.TopN, Overrides = Sorted(kept.Concat(pins)) }, summary);
            }
            case UnlockList when state.Mode is not (ListMode.Locked or ListMode.LockedTopN):
                return Refuse("The list is not locked.");
            case UnlockList:
                return Next(Settle(state with { Mode = ListMode.Curated, LockedTopN = null }), "Unlocked the list; the pins stay");
            case RevertToAuto:
                return Next(ListState.Automatic with { Note = state.Note }, "Reverted to the automatic list");
            case SetNote note:
                return Next(state with { Note = note.Note.Trim() }, "Changed the note");
            case UndoLast when beforeLastChange is null:
                return Refuse("There is no change to undo.");
            case UndoLast:
                return Next(beforeLastChange!, "Undid the last change");
            default:
                return Refuse($"Unknown change {change.GetType().Name}.");
        }
    }

    private static Outcome Refuse(string error) => new(null, "", error);

    private static Outcome Next(ListState next, string summary) => new(next, summary);

    private static ListMode Curated(ListMode mode) => mode == ListMode.Auto ? ListMode.Curated : mode;

    /// <summary>A curated list with no overrides left is automatic again.</summary>
    private static ListState Settle(ListState state) =>
        state.Mode == ListMode.Curated && state.Overrides.Count == 0 ? state with { Mode = ListMode.Auto } : state;

    private static OverrideState PinFor(ListState state, int productId, int position)
    {
        var existing = state.Overrides.FirstOrDefault(o => o.ProductId == productId && o.Kind != OverrideKind.Exclude);
        return new OverrideState(OverrideKind.Pin, productId, position, existing?.StartsAt, existing?.ExpiresAt, existing?.Note ?? "");
    }

    private static IEnumerable<OverrideState> Without(IEnumerable<OverrideState> overrides, int productId) =>
        overrides.Where(o => o.ProductId != productId);

    private static List<OverrideState> Sorted(IEnumerable<OverrideState> overrides) =>
        overrides.OrderBy(o => o.Kind).ThenBy(o => o.Position).ThenBy(o => o.ProductId).ToList();

    private static int ProductOf(CurationChange change) => change switch
    {
        Pin p => p.ProductId,
        Add a => a.ProductId,
        Exclude e => e.ProductId,
        _ => 0,
    };

    private static string? WindowError(CurationChange change)
    {
        var (starts, expires) = change switch
        {
            Pin p => (p.StartsAt, p.ExpiresAt),
            Add a => (a.StartsAt, a.ExpiresAt),
            Exclude e => (e.StartsAt, e.ExpiresAt),
            _ => (null, null),
        };
        return starts is not null && expires is not null && expires <= starts ? "The expiry must come after the start." : null;
    }
}
