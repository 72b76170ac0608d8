using MerchDashboard.Data.Entities;
using MerchDashboard.Engine.Composition;
using MerchDashboard.Features.Serving;

namespace MerchDashboard.Features.Curation;

/// <summary>
/// The one mapper from a stored list to the engine's curation state, used by the editor and the snapshot
/// (so the API and storefront) alike. Overrides keep <see cref="ListState.From"/>'s order, kind then position
/// then product id, so of two pins on one slot the one with the lower product id keeps it everywhere.
/// </summary>
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
        var shown = snapshot.Compose(anchorProductId, asOf, slots, curation: ToEngine(state));
        return new CurationChange.LockList([.. shown.Slots.Select(s => new FrozenSlot(s.Product.Id, s.Position, s.Source))], topN);
    }

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
