using MerchDashboard.Data.Entities;
using MerchDashboard.Engine.Composition;
using MerchDashboard.Features.Serving;

namespace MerchDashboard.Features.Curation;

/// <summary>Composes an anchor's list with a given curation state, so the editor shows its own latest version at once.</summary>
public static class ListStates
{
    public static CurationState ToEngine(ListState state) => new(
        (CurationMode)(int)state.Mode,
        state.Overrides.Select(ToEngine).ToList(),
        state.LockedTopN ?? 0)
    {
        Frozen = state.Frozen,
    };

    /// <summary>The lock of a list as every shopper sees it now (anonymous composition): all of it, or its top N.</summary>
    public static CurationChange.LockList LockAsShown(StoreSnapshot snapshot, int anchorProductId, ListState state, DateTime asOf, int slots, int? topN)
    {
        var shown = Compose(snapshot, anchorProductId, ToEngine(state), asOf, slots);
        return new CurationChange.LockList([.. shown.Slots.Select(s => new FrozenSlot(s.Product.Id, s.Position, s.Source))], topN);
    }

    public static ComposedList Compose(StoreSnapshot snapshot, int anchorProductId, CurationState state, DateTime asOf, int slots) =>
        Composer.Compose(new CompositionRequest(anchorProductId, slots, asOf), snapshot.Catalog, snapshot.MinedFor(anchorProductId), state);

    public static string ModeLabel(CurationMode mode, int lockedTopN) => mode switch
    {
        CurationMode.Auto => "Auto",
        CurationMode.Curated => "Curated",
        CurationMode.Locked => "Locked",
        _ => $"Locked top {lockedTopN}",
    };

    private static Override ToEngine(OverrideState o) => o.Kind switch
    {
        OverrideKind.Pin => new Pin(o.ProductId, o.Position, o.Note, o.StartsAt, o.ExpiresAt),
        OverrideKind.Add => new Add(o.ProductId, o.Position, o.Note, o.StartsAt, o.ExpiresAt),
        _ => new Exclude(o.ProductId, o.Note, o.StartsAt, o.ExpiresAt),
    };
}
