using System.Globalization;
using MerchDashboard.Engine.Composition;
using MerchDashboard.Features.Serving;

namespace MerchDashboard.Features.Curation;

public enum AlertKind
{
    UnavailableItem,
    ExpiringSoon,
    ShortList,
    Drift,
}

public sealed record CurationAlert(AlertKind Kind, string Message);

/// <summary>
/// What a merchandiser should look at on one list, as of a moment: a pinned, added or locked item a shopper
/// cannot buy, an override about to expire, a list shorter than K, and drift: a locked item that was
/// there because it was mined (bought together) and whose co-purchase evidence has since fallen below the
/// mining thresholds (it is no longer among the anchor's mined suggestions). Rule, manual, pinned and
/// fallback items are there for the merchandiser's reason, not the data's, and never drift.
/// </summary>
public static class CurationAlerts
{
    public const int ExpiryWarningDays = 7;

    public static string Label(AlertKind kind) => kind switch
    {
        AlertKind.UnavailableItem => "Item unavailable",
        AlertKind.ExpiringSoon => "Expires soon",
        AlertKind.ShortList => "Short list",
        _ => "Drifted",
    };

    public static IReadOnlyList<CurationAlert> For(StoreSnapshot snapshot, CurationState state, ComposedList composed, int slots, DateTime now)
    {
        var alerts = new List<CurationAlert>();
        foreach (var item in state.Overrides.Where(o => o is not Exclude && o.IsInEffectAt(now)))
        {
            if (snapshot.Product(item.ProductId) is { IsAvailable: false } product)
            {
                alerts.Add(new(AlertKind.UnavailableItem, $"{Verb(item)} item {product.Name} ({product.Sku}) is {WhyUnavailable(product)}: shoppers do not see it"));
            }
        }
        foreach (var item in state.Overrides.Where(o => o.ExpiresAt is { } end && end > now && end <= now.AddDays(ExpiryWarningDays)))
        {
            alerts.Add(new(AlertKind.ExpiringSoon,
                $"The {Verb(item).ToLowerInvariant()} override of {Describe(snapshot, item.ProductId)} expires on {item.ExpiresAt!.Value.ToString("MMM d, yyyy HH:mm", CultureInfo.InvariantCulture)} UTC"));
        }
        if (composed.Slots.Count < slots)
        {
            alerts.Add(new(AlertKind.ShortList, $"Only {composed.Slots.Count} of {slots} suggestion slots are filled"));
        }
        var frozen = state.IsLocked ? state.Frozen.Where(f => f.Position <= state.LockedSlots(slots)).ToList() : [];
        var byHand = state.Overrides.Select(o => o.ProductId).ToHashSet();
        foreach (var item in frozen.Where(f => !byHand.Contains(f.ProductId)))
        {
            if (snapshot.Product(item.ProductId) is { IsAvailable: false } product)
            {
                alerts.Add(new(AlertKind.UnavailableItem,
                    $"Locked item {product.Name} ({product.Sku}) at slot {item.Position} is {WhyUnavailable(product)}: shoppers do not see it"));
            }
        }
        if (snapshot.MiningRun is { } run && frozen.Count > 0)
        {
            var mined = snapshot.MinedFor(composed.AnchorProductId).Select(m => m.ProductId).ToHashSet();
            var lockedMined = frozen.Where(f => f.Source == SlotSource.Mined).ToList();
            var drifted = lockedMined.Where(f => !mined.Contains(f.ProductId)).ToList();
            if (drifted.Count > 0)
            {
                alerts.Add(new(AlertKind.Drift,
                    $"{drifted.Count} of {lockedMined.Count} locked items that were mined for this product are no longer bought with it often enough "
                    + $"(below the mining thresholds of the run of {run.FinishedAt.ToString("MMM d, yyyy", CultureInfo.InvariantCulture)}): "
                    + string.Join(", ", drifted.Select(f => Describe(snapshot, f.ProductId)))));
            }
        }
        return alerts;
    }

    private static string WhyUnavailable(Engine.Catalog.ProductInfo product) => product.IsActive ? "out of stock" : "discontinued (inactive)";

    private static string Verb(Override item) => item switch
    {
        Pin => "Pinned",
        Add => "Added",
        _ => "Excluded",
    };

    private static string Describe(StoreSnapshot snapshot, int productId) =>
        snapshot.Product(productId) is { } p ? $"{p.Name} ({p.Sku})" : $"product #{productId}";
}
