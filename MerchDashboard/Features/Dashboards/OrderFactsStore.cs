using MerchDashboard.Engine.Metrics;
using MerchDashboard.Features.Serving;

namespace MerchDashboard.Features.Dashboards;

/// <summary>
/// The <see cref="OrderFacts"/> of the current snapshot, cached in <see cref="SnapshotCache"/> by the snapshot's
/// <see cref="StoreSnapshot.LoadedAt"/> (rebuilt after an import or a mining run, not after a curation change);
/// and the frequently-bought-with lists attach rates read, cached by snapshot version since curation changes them.
/// </summary>
public sealed class OrderFactsStore : IDisposable
{
    private readonly OrderFactsLoader _loader;
    private readonly StoreSnapshotService _snapshots;
    private readonly TimeProvider _time;
    private readonly SnapshotCache _cache;

    public OrderFactsStore(OrderFactsLoader loader, StoreSnapshotService snapshots, TimeProvider time, SnapshotCache cache)
    {
        _loader = loader;
        _snapshots = snapshots;
        _time = time;
        _cache = cache;
        _snapshots.Replaced += OnReplaced;
    }

    /// <summary>Raised after the snapshot changed: open dashboards recompute.</summary>
    public event Action? Changed;

    public Task<OrderFacts> GetAsync()
    {
        var snapshot = _snapshots.Current;
        return _cache.GetOrStart(("order-facts", snapshot.LoadedAt), () => _loader.LoadAsync(snapshot));
    }

    /// <summary>
    /// Each product's composed list as an anonymous shopper sees it now (RecommendationService's composition:
    /// pins, manual additions, mined candidates, rules, best-seller fallback).
    /// </summary>
    public FrequentlyBoughtWith Lists()
    {
        var snapshot = _snapshots.Current;
        return _cache.GetOrCreate(("bought-with-lists", snapshot.Version), () =>
        {
            var now = _time.GetUtcNow().UtcDateTime;
            return new FrequentlyBoughtWith(snapshot.Catalog.Products.Keys.Select(anchor => KeyValuePair.Create(anchor,
                snapshot.Compose(anchor, now, RecommendationService.DefaultSlotsOf(snapshot)).Slots.Select(s => s.Product.Id))));
        });
    }

    private void OnReplaced(StoreSnapshot snapshot) => Changed?.Invoke();

    public void Dispose() => _snapshots.Replaced -= OnReplaced;
}
