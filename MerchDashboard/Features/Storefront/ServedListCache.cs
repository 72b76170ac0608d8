using MerchDashboard.Engine.Composition;
using MerchDashboard.Features.Serving;
using MerchDashboard.Features.Store;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Features.Storefront;

/// <summary>
/// The storefront's frequently-bought-with answers. Lists are composed as of the snapshot's served instant
/// (<see cref="ServingTimeline"/>), so every request between two override boundaries of one snapshot gets the same
/// list: the anonymous list of each anchor and size is composed once and kept with its JSON, ready to write, and with its
/// <see cref="PreparedComposition"/>; a customer's list is finished from that per request with their profile, built once
/// per snapshot (<see cref="ShopperProfileStore"/>), so nothing is kept per customer. A customer the store does not know
/// sees the anonymous list. Carts take their items' prepared compositions from here too (<see cref="Cart"/>). At most
/// <see cref="StorefrontApiOptions.ServedListCacheEntries"/> entries (anonymous lists, cart items' prepared compositions)
/// are kept; past it the least recently used are evicted and composed again on their next request. A new snapshot or
/// served instant starts from empty.
/// </summary>
public sealed class ServedListCache(StoreSnapshotService snapshots, ShopperProfileStore profiles, TimeProvider time, IOptions<StorefrontApiOptions> options)
{
    private Frame _frame = new(StoreSnapshot.Empty, ServingTimeline.Of(StoreSnapshot.Empty), default, 1);

    /// <summary>Entries held now: anonymous lists (each with its prepared composition), cart items' prepared compositions and curated lists' JSON.</summary>
    public long Count => Volatile.Read(ref _frame).Lists.Count;

    /// <summary>The snapshot and the instant lists are composed for, for a request now.</summary>
    public (StoreSnapshot Snapshot, DateTime AsOf) Current()
    {
        var frame = CurrentFrame();
        return (frame.Snapshot, frame.Instant.AsOf);
    }

    /// <summary>The list for a product (the mining settings' list size without a limit), or null for an unknown SKU.</summary>
    public ServedList? FrequentlyBoughtWith(string sku, string? customerId, int? limit)
    {
        var frame = CurrentFrame();
        var snapshot = frame.Snapshot;
        if (snapshot.ProductBySku(sku) is not { } anchor)
        {
            return null;
        }
        var slots = limit ?? RecommendationService.DefaultSlotsOf(snapshot);
        var customer = string.IsNullOrEmpty(customerId) ? null : customerId;
        var anonymous = Anonymous(frame, anchor.Id, anchor.Sku, slots);
        var profile = customer is null ? null : profiles.Find(snapshot, customer, frame.Instant.AsOf);
        if (profile is not null)
        {
            // The anchor's composition up to the shopper is kept with its anonymous list; only the shopper's ranking is done here.
            return new ServedList(new FrequentlyBoughtWithJson(anchor.Sku, anonymous.Prepared.For(profile), customer, StoreCulture.CurrentCurrencyCode)
            {
                Anonymous = anonymous.Written,
            });
        }
        return customer is null ? anonymous.List : new ServedList(anonymous.List.Composed! with { CustomerId = customer, Anonymous = anonymous.Written });
    }

    private static AnonymousEntry Anonymous(Frame frame, int anchorId, string sku, int slots) =>
        Kept(frame, new AnonymousKey(anchorId, slots, StoreCulture.CurrentCurrencyCode), (anchorId, sku, slots), static (frame, key, request) =>
        {
            var prepared = frame.Snapshot.Prepare(request.anchorId, frame.Instant.AsOf, request.slots);
            var composed = new FrequentlyBoughtWithJson(request.sku, prepared.For(shopper: null), CustomerId: null, key.Currency);
            var written = composed.Written();
            return new AnonymousEntry(new ServedList(composed, written.Utf8), prepared, written);
        });

    /// <summary>
    /// A cart's list (<see cref="CartRecommendations"/>) whose items' compositions up to the shopper come from this cache,
    /// when <paramref name="snapshot"/> and <paramref name="asOf"/> are still the current ones (else composed afresh).
    /// </summary>
    public CartComposition Cart(StoreSnapshot snapshot, DateTime asOf, IReadOnlyList<int> cart, IShopperAffinity? shopper, int slots)
    {
        var frame = CurrentFrame();
        Func<int, int, PreparedComposition>? prepared = ReferenceEquals(frame.Snapshot, snapshot) && frame.Instant.AsOf == asOf
            ? (anchorId, depth) => Prepared(frame, anchorId, depth)
            : null;
        return CartRecommendations.Compose(snapshot, cart, shopper, asOf, slots, prepared);
    }

    /// <summary>
    /// A cart item's composition up to the shopper for <paramref name="slots"/> slots (the cart's depth), kept in the frame
    /// like the anonymous lists and within the same number of entries.
    /// </summary>
    private static PreparedComposition Prepared(Frame frame, int anchorId, int slots) =>
        Kept(frame, new PreparedKey(anchorId, slots), 0, static (frame, key, _) => frame.Snapshot.Prepare(key.AnchorId, frame.Instant.AsOf, key.Slots));

    /// <summary>
    /// A value derived from the current snapshot at the served instant (the curation API's list with its JSON), built once
    /// per frame and kept with the anonymous lists, within the same number of entries. <paramref name="key"/> is a value
    /// of the caller's own key type, so it never meets another kind's entry; a null (nothing to serve) is not kept.
    /// </summary>
    public T Framed<TKey, T>(TKey key, Func<StoreSnapshot, DateTime, T> build) where TKey : notnull where T : class? =>
        Kept(CurrentFrame(), key, build, static (frame, _, build) => build(frame.Snapshot, frame.Instant.AsOf));

    /// <summary>The frame's entry under <paramref name="key"/>, built and kept (one entry of the budget) when missing; a null is not kept.</summary>
    private static T Kept<TKey, TState, T>(Frame frame, TKey key, TState state, Func<Frame, TKey, TState, T> build)
        where TKey : notnull where T : class?
    {
        if (frame.Lists.TryGetValue(key, out T? cached) && cached is not null)
        {
            return cached;
        }
        var value = build(frame, key, state);
        if (value is not null)
        {
            frame.Lists.Set(key, value, new MemoryCacheEntryOptions { Size = 1 });
        }
        return value;
    }

    private Frame CurrentFrame()
    {
        var snapshot = snapshots.Current;
        var now = time.GetUtcNow().UtcDateTime;
        var frame = Volatile.Read(ref _frame);
        if (ReferenceEquals(frame.Snapshot, snapshot) && now >= frame.Instant.AsOf && now < frame.Instant.Until)
        {
            return frame;
        }
        var timeline = ReferenceEquals(frame.Snapshot, snapshot) ? frame.Timeline : ServingTimeline.Of(snapshot);
        frame = new Frame(snapshot, timeline, timeline.At(now), options.Value.ServedListCacheEntries);
        Volatile.Write(ref _frame, frame);
        return frame;
    }

    /// <summary>The one mapping of a composed list to its wire form; an experiment arm passes its own <paramref name="sourceName"/>.</summary>
    internal static FrequentlyBoughtWithDto ToDto(string anchorSku, ComposedList list, string? customerId, Func<SlotSource, string>? sourceName = null) =>
        new(anchorSku, RecommendationEndpoints.ModeName(list.Mode), list.RecommendationId, list.ComposedAt, customerId,
            [.. list.Slots.Select(s => new SlotDto(s.Position, s.Product.Sku, s.Product.Name, s.Product.Price,
                (sourceName ?? RecommendationEndpoints.SourceName)(s.Source), s.PersonalizationMoved, s.ShopperExplanation,
                s.Pair is { } p ? new PairStatisticsDto(p.CoPurchaseCount, p.Support, p.Confidence, p.Lift) : null, s.Locked))],
            list.LockedSlots);

    private readonly record struct AnonymousKey(int AnchorId, int Slots, string Currency);

    private readonly record struct PreparedKey(int AnchorId, int Slots);

    /// <summary>An anchor's anonymous list with its JSON, and its composition up to the shopper and its slots' JSON for customers' lists.</summary>
    private sealed record AnonymousEntry(ServedList List, PreparedComposition Prepared, WrittenList Written);

    /// <summary>One snapshot's anonymous lists for one served instant; a replaced frame is left to the garbage collector, as readers may still hold it.</summary>
    private sealed record Frame(StoreSnapshot Snapshot, ServingTimeline Timeline, ServedInstant Instant, int Entries)
    {
        public MemoryCache Lists { get; } = new(new MemoryCacheOptions { SizeLimit = Entries });
    }
}

/// <summary>
/// A served list: as composed (<see cref="Composed"/>, written straight to JSON by <see cref="WrittenJsonResult"/>),
/// with its JSON when it is the same for every request (the anonymous list), or as a DTO an experiment arm built.
/// </summary>
public sealed class ServedList
{
    private FrequentlyBoughtWithDto? _dto;

    public ServedList(FrequentlyBoughtWithDto dto, byte[]? utf8Json)
    {
        _dto = dto;
        Utf8Json = utf8Json;
    }

    public ServedList(FrequentlyBoughtWithJson composed, byte[]? utf8Json = null)
    {
        Composed = composed;
        Utf8Json = utf8Json;
    }

    /// <summary>The list as composed, when it was not built as a DTO.</summary>
    public FrequentlyBoughtWithJson? Composed { get; }

    /// <summary>The list's JSON, serialized once and kept (the anonymous list).</summary>
    public byte[]? Utf8Json { get; }

    /// <summary>The list as a DTO; built on first use for a composed list (experiment arms change it).</summary>
    public FrequentlyBoughtWithDto Dto => _dto ??= Composed!.ToDto();
}
