using System.Collections.Concurrent;
using MerchDashboard.Features.Serving;

namespace MerchDashboard.Features.Storefront;

/// <summary>
/// The storefront's frequently-bought-with answers, composed once per snapshot, minute, anchor, shopper and
/// size. Building a shopper's profile and composing cost far more than the rest of a request
/// (docs/benchmarks.md), and a storefront asks for the same lists over and over. Lists are composed as of
/// the start of the current minute, so a stored answer is exactly what composing now would give; a new
/// snapshot (a curation change, mining, an import) or a new minute starts from empty.
/// </summary>
public sealed class ServedListCache(StoreSnapshotService snapshots, TimeProvider time)
{
    /// <summary>Caps memory when a storefront sends many distinct customer ids within one minute.</summary>
    public const int MaxEntries = 50_000;

    private Generation _generation = new(StoreSnapshot.Empty, DateTime.MinValue);

    /// <summary>The list for a product (the mining settings' list size without a limit), or null for an unknown SKU.</summary>
    public FrequentlyBoughtWithDto? FrequentlyBoughtWith(string sku, string? customerId, int? limit)
    {
        var snapshot = snapshots.Current;
        var slots = limit ?? RecommendationService.DefaultSlotsOf(snapshot);
        if (snapshot.ProductBySku(sku) is not { } anchor)
        {
            return null;
        }
        var now = time.GetUtcNow().UtcDateTime;
        var minute = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);
        var generation = Volatile.Read(ref _generation);
        if (!ReferenceEquals(generation.Snapshot, snapshot) || generation.Minute != minute)
        {
            generation = new Generation(snapshot, minute);
            Volatile.Write(ref _generation, generation);
        }
        var customer = string.IsNullOrEmpty(customerId) ? null : customerId;
        var key = (anchor.Id, customer, slots);
        if (generation.Lists.TryGetValue(key, out var cached))
        {
            return cached;
        }
        var shopper = customer is null ? null : RecommendationService.CustomerProfile(snapshot, customer, minute);
        var list = RecommendationService.Compose(snapshot, anchor.Id, shopper, minute, slots);
        var items = list.Slots.Select(s => new SlotDto(s.Position, s.Product.Sku, s.Product.Name, s.Product.Price,
            RecommendationEndpoints.SourceName(s.Source), s.PersonalizationMoved, s.ShopperExplanation,
            s.Pair is { } p ? new PairStatisticsDto(p.CoPurchaseCount, p.Support, p.Confidence, p.Lift) : null, s.Locked)).ToList();
        var dto = new FrequentlyBoughtWithDto(anchor.Sku, RecommendationEndpoints.ModeName(list.Mode), list.RecommendationId, list.ComposedAt,
            customer, items, list.LockedSlots);
        if (generation.Lists.Count < MaxEntries)
        {
            generation.Lists.TryAdd(key, dto);
        }
        return dto;
    }

    private sealed record Generation(StoreSnapshot Snapshot, DateTime Minute)
    {
        public ConcurrentDictionary<(int Anchor, string? Customer, int Slots), FrequentlyBoughtWithDto> Lists { get; } = new();
    }
}
