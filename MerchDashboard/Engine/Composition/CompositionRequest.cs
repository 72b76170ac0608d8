namespace MerchDashboard.Engine.Composition;

/// <summary>
/// One request to the composer: the anchor product, how many slots to fill, the instant the list is for
/// (UTC; override windows are judged against it) and the shopper, or null for an anonymous visitor.
/// </summary>
public sealed record CompositionRequest(int AnchorProductId, int Slots, DateTime AsOf, IShopperAffinity? Shopper = null);
