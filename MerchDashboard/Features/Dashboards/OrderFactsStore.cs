using MerchDashboard.Engine.Metrics;
using MerchDashboard.Features.Serving;

namespace MerchDashboard.Features.Dashboards;

/// <summary>
/// The cached <see cref="OrderFacts"/> of the current snapshot, rebuilt when the snapshot is fully replaced (import,
/// mining: a new <see cref="StoreSnapshot.LoadedAt"/>), not after a curation change; and the frequently-bought-with
/// lists attach rates read, recomputed for every snapshot since curation changes them.
/// </summary>
public sealed class OrderFactsStore : IDisposable
{
    private readonly OrderFactsLoader _loader;
    private readonly StoreSnapshotService _snapshots;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private (DateTime LoadedAt, Task<OrderFacts> Facts)? _facts;
    private (StoreSnapshot Snapshot, FrequentlyBoughtWith Lists)? _lists;

    public OrderFactsStore(OrderFactsLoader loader, StoreSnapshotService snapshots, TimeProvider time)
    {
        _loader = loader;
        _snapshots = snapshots;
        _time = time;
        _snapshots.Replaced += OnReplaced;
    }

    /// <summary>Raised after the snapshot changed: open dashboards recompute.</summary>
    public event Action? Changed;

    public Task<OrderFacts> GetAsync()
    {
        var snapshot = _snapshots.Current;
        lock (_gate)
        {
            if (_facts is not { } cached || cached.LoadedAt != snapshot.LoadedAt || cached.Facts.IsFaulted || cached.Facts.IsCanceled)
            {
                _facts = (snapshot.LoadedAt, _loader.LoadAsync(snapshot));
            }
            return _facts.Value.Facts;
        }
    }

    /// <summary>
    /// Each product's composed list as an anonymous shopper sees it now (RecommendationService's composition:
    /// pins, manual additions, mined candidates, rules, best-seller fallback).
    /// </summary>
    public FrequentlyBoughtWith Lists()
    {
        var snapshot = _snapshots.Current;
        lock (_gate)
        {
            if (_lists is { } cached && ReferenceEquals(cached.Snapshot, snapshot))
            {
                return cached.Lists;
            }
        }
        var now = _time.GetUtcNow().UtcDateTime;
        var lists = new FrequentlyBoughtWith(snapshot.Catalog.Products.Keys.Select(anchor => KeyValuePair.Create(anchor,
            RecommendationService.Compose(snapshot, anchor, null, now, RecommendationService.DefaultSlotsOf(snapshot)).Slots.Select(s => s.Product.Id))));
        lock (_gate)
        {
            _lists = (snapshot, lists);
        }
        return lists;
    }

    private void OnReplaced(StoreSnapshot snapshot) => Changed?.Invoke();

    public void Dispose() => _snapshots.Replaced -= OnReplaced;
}
