using System.Globalization;
using MerchDashboard.Engine.Composition;
using MerchDashboard.Features.Serving;

namespace MerchDashboard.Features.Suggestions;

public enum AlertKind
{
    UnavailableItem,
    ExpiringSoon,
    ShortList,
    Drift,
}

public sealed record CurationAlert(AlertKind Kind, string Message);

/// <summary>
/// What a merchandiser should look at on one list, as of a moment: a pinned or added item a shopper
/// cannot buy, an override about to expire, a list shorter than K, and a locked list that no longer
/// matches what shoppers buy (a locked item missing from the anchor's current mined candidates).
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
                var why = product.IsActive ? "out of stock" : "discontinued (inactive)";
                alerts.Add(new(AlertKind.UnavailableItem, $"{Verb(item)} item {product.Name} ({product.Sku}) is {why}: shoppers do not see it"));
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
        if (snapshot.MiningRun is not null && state.Mode is CurationMode.Locked or CurationMode.LockedTopN)
        {
            var mined = snapshot.MinedFor(composed.AnchorProductId).Select(m => m.ProductId).ToHashSet();
            var locked = state.Overrides.OfType<Pin>().Where(p => p.IsInEffectAt(now)).ToList();
            var drifted = locked.Where(p => !mined.Contains(p.ProductId)).ToList();
            if (drifted.Count > 0)
            {
                alerts.Add(new(AlertKind.Drift,
                    $"{drifted.Count} of {locked.Count} locked items are no longer bought with this product (not among its mined suggestions): "
                    + string.Join(", ", drifted.Select(p => Describe(snapshot, p.ProductId)))));
            }
        }
        return alerts;
    }

    private static string Verb(Override item) => item switch
    {
        Pin => "Pinned",
        Add => "Added",
        _ => "Excluded",
    };

    private static string Describe(StoreSnapshot snapshot, int productId) =>
        snapshot.Product(productId) is { } p ? $"{p.Name} ({p.Sku})" : $"product #{productId}";
}
