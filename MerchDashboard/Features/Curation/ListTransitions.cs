using MerchDashboard.Data.Entities;
using FrozenSlot = MerchDashboard.Engine.Composition.FrozenSlot;
using SlotSource = MerchDashboard.Engine.Composition.SlotSource;
using static MerchDashboard.Features.Curation.CurationChange;

namespace MerchDashboard.Features.Curation;

/// <summary>
/// How each change turns one list state into the next, as a pure function, so the rules read top to
/// bottom and are tested without a database. An expected refusal is a value (Error), not an exception.
/// The merchandiser's overrides and what a lock froze are separate: locking, unlocking and changing N
/// touch only the frozen slots; pins, adds and excludes touch the overrides (and, in a locked list, move
/// or drop the item in the frozen slots too, so that the list shown is the list edited).
/// </summary>
public static class ListTransitions
{
    public const int MaxSlots = 20;

    public sealed record Outcome(ListState? Next, string Summary, string? Error = null);

    /// <summary>The next state, or the reason the change is refused; a pin or a lock of N must fit in the list size <paramref name="slots"/>.</summary>
    public static Outcome Apply(ListState state, CurationChange change, int anchorProductId, Func<int, string> describe, int slots = MaxSlots)
    {
        switch (change)
        {
            case Pin or Move when PositionOf(change) is var at && (at < 1 || at > slots):
                return Refuse($"This list has {slots} slots: choose a slot from 1 to {slots}, not {at}.");
            case Pin or Add or Exclude or Move when ProductOf(change) == anchorProductId:
                return Refuse("A product cannot be suggested with itself.");
            case Pin or Add or Exclude when WindowError(change) is { } windowError:
                return Refuse(windowError);
            case Exclude { Reason: var reason } when string.IsNullOrWhiteSpace(reason):
                return Refuse("Say why the item is excluded; the reason is shown to other merchandisers.");
            case Pin pin:
                return PinAt(state, new OverrideState(OverrideKind.Pin, pin.ProductId, pin.Position, pin.StartsAt, pin.ExpiresAt, pin.Note),
                    $"Pinned {describe(pin.ProductId)} at slot {pin.Position}");
            case Move move:
            {
                var own = state.Overrides.FirstOrDefault(o => o.ProductId == move.ProductId && o.Kind != OverrideKind.Exclude);
                var moved = new OverrideState(OverrideKind.Pin, move.ProductId, move.Position, own?.StartsAt, own?.ExpiresAt, own?.Note ?? "");
                return PinAt(state, moved, $"Moved {describe(move.ProductId)} to slot {move.Position} (pinned there)");
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
                var frozen = Renumber(state.Frozen.Where(f => f.ProductId != exclude.ProductId));
                return Next(state with { Mode = Curated(state.Mode), Overrides = Sorted(next), Frozen = frozen }, $"Excluded {describe(exclude.ProductId)}: {exclude.Reason.Trim()}");
            }
            case Remove remove when state.Overrides.All(o => o.ProductId != remove.ProductId):
                return Refuse("That item has no override on this list.");
            case Remove remove:
                return Next(Settle(state with { Overrides = Sorted(Without(state.Overrides, remove.ProductId)) }), $"Removed the overrides of {describe(remove.ProductId)}");
            case ReplaceOverrides replace:
                return ReplaceAll(state, replace, anchorProductId, describe, slots);
            case LockList { Shown.Count: 0 }:
                return Refuse("There is nothing to lock: the list is empty.");
            case LockList { TopN: { } n } when n < 1 || n > slots:
                return Refuse($"Lock between 1 and {slots} leading slots (this list has {slots}), not {n}.");
            case LockList lockChange:
            {
                var frozen = Renumber(lockChange.Shown.OrderBy(s => s.Position).Take(lockChange.TopN ?? slots));
                var mode = lockChange.TopN is null ? ListMode.Locked : ListMode.LockedTopN;
                var summary = lockChange.TopN is { } n
                    ? $"Locked the top {n} slots: {string.Join(", ", frozen.Select(f => describe(f.ProductId)))}"
                    : $"Locked the whole list ({frozen.Count} items): {string.Join(", ", frozen.Select(f => describe(f.ProductId)))}";
                return Next(state with { Mode = mode, LockedTopN = lockChange.TopN, Frozen = frozen }, summary);
            }
            case UnlockList when !state.IsLocked:
                return Refuse("The list is not locked.");
            case UnlockList:
                return Next(Unlocked(state), "Unlocked the list: the merchandiser's overrides apply and the free slots are ranked again");
            case RevertToAuto:
                return Next(ListState.Automatic with { Note = state.Note }, "Reverted to the automatic list");
            case SetNote note:
                return Next(state with { Note = note.Note.Trim() }, "Changed the note");
            case Restore restore when restore.State.SameAs(state):
                return Refuse("The list is already in that state.");
            case Restore restore:
                return Next(restore.State, restore.Label);
            default:
                return Refuse($"Unknown change {change.GetType().Name}.");
        }
    }

    /// <summary>
    /// Pins the item (replacing its other overrides and whatever pin held the slot). In a locked list whose
    /// locked slots cover the position, the item also takes that frozen slot (the others shift); pinned below
    /// the locked slots, it leaves them.
    /// </summary>
    private static Outcome PinAt(ListState state, OverrideState pin, string summary)
    {
        var others = Without(state.Overrides, pin.ProductId).Where(o => !(o.Kind == OverrideKind.Pin && o.Position == pin.Position));
        var frozen = state.Frozen;
        if (state.IsLocked)
        {
            var rest = state.Frozen.Where(f => f.ProductId != pin.ProductId).OrderBy(f => f.Position).ToList();
            var lockedExtent = state.Mode == ListMode.Locked ? int.MaxValue : state.LockedTopN ?? 0;
            if (pin.Position <= lockedExtent)
            {
                rest.Insert(Math.Min(pin.Position - 1, rest.Count), new FrozenSlot(pin.ProductId, pin.Position, SlotSource.Pinned));
            }
            frozen = Renumber(rest.Take(lockedExtent));
        }
        return Next(state with { Mode = Curated(state.Mode), Overrides = Sorted(others.Append(pin)), Frozen = frozen }, summary);
    }

    /// <summary>Applies each new override to an empty unlocked list, so each meets the editor's checks; the lock and note stay.</summary>
    private static Outcome ReplaceAll(ListState state, ReplaceOverrides replace, int anchorProductId, Func<int, string> describe, int slots)
    {
        var building = state with { Mode = ListMode.Curated, LockedTopN = null, Overrides = [], Frozen = [] };
        for (var i = 0; i < replace.Overrides.Count; i++)
        {
            var item = replace.Overrides[i];
            if (item is not (Pin or Add or Exclude))
            {
                return Refuse($"overrides[{i}]: only pin, add and exclude can be listed.");
            }
            if (building.Overrides.Any(o => o.ProductId == ProductOf(item)))
            {
                return Refuse($"overrides[{i}]: {describe(ProductOf(item))} is listed twice; give each item one override.");
            }
            if (item is Pin pin && building.Overrides.Any(o => o.Kind == OverrideKind.Pin && o.Position == pin.Position))
            {
                return Refuse($"overrides[{i}]: slot {pin.Position} is pinned twice.");
            }
            var outcome = Apply(building, item, anchorProductId, describe, slots);
            if (outcome.Error is { } error)
            {
                return Refuse($"overrides[{i}]: {error}");
            }
            building = outcome.Next!;
        }
        var overrides = building.Overrides;
        var mode = state.IsLocked ? state.Mode : overrides.Count > 0 ? ListMode.Curated : ListMode.Auto;
        var counts = overrides.GroupBy(o => o.Kind).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}");
        return Next(state with { Mode = mode, Overrides = overrides },
            overrides.Count == 0 ? "Removed every override" : $"Replaced the overrides: {string.Join(", ", counts)}");
    }

    private static ListState Unlocked(ListState state) =>
        Settle(state with { Mode = ListMode.Curated, LockedTopN = null, Frozen = [] });

    private static Outcome Refuse(string error) => new(null, "", error);

    private static Outcome Next(ListState next, string summary) => new(next, summary);

    private static ListMode Curated(ListMode mode) => mode == ListMode.Auto ? ListMode.Curated : mode;

    /// <summary>A curated list with no overrides left is automatic again.</summary>
    private static ListState Settle(ListState state) =>
        state.Mode == ListMode.Curated && state.Overrides.Count == 0 ? state with { Mode = ListMode.Auto } : state;

    private static List<FrozenSlot> Renumber(IEnumerable<FrozenSlot> frozen) =>
        [.. frozen.Select((f, i) => f with { Position = i + 1 })];

    private static IEnumerable<OverrideState> Without(IEnumerable<OverrideState> overrides, int productId) =>
        overrides.Where(o => o.ProductId != productId);

    private static List<OverrideState> Sorted(IEnumerable<OverrideState> overrides) =>
        overrides.OrderBy(o => o.Kind).ThenBy(o => o.Position).ThenBy(o => o.ProductId).ToList();

    private static int ProductOf(CurationChange change) => change switch
    {
        Pin p => p.ProductId,
        Add a => a.ProductId,
        Exclude e => e.ProductId,
        Move m => m.ProductId,
        _ => 0,
    };

    private static int PositionOf(CurationChange change) => change switch
    {
        Pin p => p.Position,
        Move m => m.Position,
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
