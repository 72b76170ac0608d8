using MerchDashboard.Features.Serving;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Features.Storefront;

/// <summary>
/// The storefront's frequently-bought-with answers, composed once per snapshot, minute, anchor, shopper and
/// size. Building a shopper's profile and composing cost far more than the rest of a request
/// (docs/benchmarks.md), and a storefront asks for the same lists over and over. Lists are composed as of
/// the start of the current minute, so a stored answer is exactly what composing now would give; a new
/// snapshot (a curation change, mining, an import) or a new minute starts from empty. Within a minute at
/// most <see cref="StorefrontApiOptions.ServedListCacheEntries"/> lists are kept; past it the least
/// recently used are evicted, so arbitrary customer ids cannot grow memory or crowd out popular lists.
/// </summary>
public sealed class ServedListCache(StoreSnapshotService snapshots, TimeProvider time, IOptions<StorefrontApiOptions> options)
{
    private Generation _generation = new(StoreSnapshot.Empty, DateTime.MinValue, 1);

    /// <summary>Lists held for the current minute (never more than the configured entries, give or take a compaction in progress).</summary>
    public long Count => Volatile.Read(ref _generation).Lists.Count;

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
            generation = new Generation(snapshot, minute, options.Value.ServedListCacheEntries);
            Volatile.Write(ref _generation, generation);
        }
        var customer = string.IsNullOrEmpty(customerId) ? null : customerId;
        var key = (anchor.Id, customer, slots);
        if (generation.Lists.TryGetValue(key, out FrequentlyBoughtWithDto? cached))
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
        generation.Lists.Set(key, dto, new MemoryCacheEntryOptions { Size = 1 });
        return dto;
    }

    /// <summary>One snapshot's lists for one minute; a replaced generation is left to the garbage collector, as readers may still hold it.</summary>
    private sealed record Generation(StoreSnapshot Snapshot, DateTime Minute, int Entries)
    {
        public MemoryCache Lists { get; } = new(new MemoryCacheOptions { SizeLimit = Entries });
    }
}
