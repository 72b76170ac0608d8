using MerchDashboard.Engine.Composition;
using MerchDashboard.Engine.Metrics;
using MerchDashboard.Features.Serving;

namespace MerchDashboard.Features.Experiments;

/// <summary>
/// The four strategies as inputs to the one composer (PRODUCT.md "Strategies on live traffic"), never a second
/// composition: control = no complement evidence at all (no mined pairs, no rules, no curation), so the composer's
/// fallback serves the anchor department's best sellers; cross-sell = the anonymous composition; personalization =
/// mined and rule candidates ranked for the shopper, with only the merchandiser's exclusions kept (no pins, adds or
/// locks); both = the composition contract as written.
/// </summary>
public static class ArmStrategy
{
    public static bool UsesShopper(Arm arm) => arm is Arm.Personalization or Arm.Both;

    public static CatalogView Catalog(Arm arm, StoreSnapshot snapshot) =>
        arm == Arm.Control ? snapshot.Catalog with { Rules = [] } : snapshot.Catalog;

    public static IReadOnlyList<MinedCandidate> Mined(Arm arm, StoreSnapshot snapshot, int anchorId) =>
        arm == Arm.Control ? [] : snapshot.MinedFor(anchorId);

    public static CurationState Curation(Arm arm, StoreSnapshot snapshot, int anchorId) => arm switch
    {
        Arm.Control => CurationState.Auto,
        Arm.Personalization => ExclusionsOnly(snapshot.CurationFor(anchorId).State),
        _ => snapshot.CurationFor(anchorId).State,
    };

    public static ComposedList Compose(Arm arm, StoreSnapshot snapshot, int anchorId, IShopperAffinity? shopper, DateTime asOf, int slots) =>
        Composer.Compose(new CompositionRequest(anchorId, slots, asOf, UsesShopper(arm) ? shopper : null),
            Catalog(arm, snapshot), Mined(arm, snapshot, anchorId), Curation(arm, snapshot, anchorId));

    public static CartComposition ComposeCart(Arm arm, StoreSnapshot snapshot, IReadOnlyList<int> cart, IShopperAffinity? shopper, DateTime asOf, int slots)
    {
        var store = CartRecommendations.StoreOf(snapshot);
        var armStore = arm switch
        {
            Arm.Control => new CartStore(Catalog(arm, snapshot), _ => [], _ => CurationState.Auto, _ => []),
            Arm.Personalization => store with { CurationFor = id => ExclusionsOnly(snapshot.CurationFor(id).State) },
            _ => store,
        };
        return CartComposer.Compose(new CartCompositionRequest(cart, slots, asOf, UsesShopper(arm) ? shopper : null), armStore);
    }

    /// <summary>The slot source a storefront reports back: a personalization arm's own slots are "personalized".</summary>
    public static string SourceName(Arm arm, SlotSource source) =>
        arm == Arm.Personalization && source != SlotSource.Fallback ? "personalized" : source.ToString().ToLowerInvariant();

    private static CurationState ExclusionsOnly(CurationState state) =>
        new(CurationMode.Auto, [.. state.Overrides.OfType<Exclude>()]);
}
