using MerchDashboard.Engine.Personalization;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Features.Serving;

/// <summary>
/// Real customers' profiles as the storefront composes with them, each built once per personalization model,
/// purchase history and as-of instant and then reused by every request: building one (and its similarity scores)
/// costs far more than composing with it (docs/benchmarks.md). A curation change keeps the profiles, since
/// profiles do not read curation. Kept within <see cref="ShopperProfileOptions.MemoryBudgetMB"/>; past it the
/// least recently used are dropped and rebuilt on demand. A profile here equals
/// <see cref="RecommendationService.CustomerProfile(StoreSnapshot, string, DateTime)"/> for the same inputs.
/// </summary>
public sealed class ShopperProfileStore(IOptions<ShopperProfileOptions> options)
{
    private Generation? _generation;

    /// <summary>Profiles held now.</summary>
    public long Count => Volatile.Read(ref _generation)?.Profiles.Count ?? 0;

    /// <summary>The estimated bytes of the profiles held now, within the budget.</summary>
    public long HeldBytes => Volatile.Read(ref _generation)?.Profiles.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    /// <summary>The customer's profile as of <paramref name="asOf"/>, or null for a customer the snapshot does not know.</summary>
    public ShopperProfile? Find(StoreSnapshot snapshot, string externalId, DateTime asOf)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (!snapshot.CustomerIdsByExternalId.TryGetValue(externalId, out var customerId))
        {
            return null;
        }
        var generation = GenerationFor(snapshot, asOf);
        if (generation.Profiles.TryGetValue(customerId, out ShopperProfile? profile) && profile is not null)
        {
            return profile;
        }
        profile = RecommendationService.CustomerProfile(snapshot, externalId, asOf)!;
        generation.Profiles.Set(customerId, profile, new MemoryCacheEntryOptions { Size = profile.EstimatedBytes });
        return profile;
    }

    private Generation GenerationFor(StoreSnapshot snapshot, DateTime asOf)
    {
        var generation = Volatile.Read(ref _generation);
        if (generation is not null && ReferenceEquals(generation.Model, snapshot.Personalization)
            && ReferenceEquals(generation.Purchases, snapshot.PurchasesByCustomer) && generation.AsOf == asOf)
        {
            return generation;
        }
        // A replaced generation is left to the garbage collector, as other requests may still read it.
        var next = new Generation(snapshot.Personalization, snapshot.PurchasesByCustomer, asOf, options.Value.MemoryBudgetMB * 1024L * 1024L);
        return Interlocked.CompareExchange(ref _generation, next, generation) is var replaced && ReferenceEquals(replaced, generation) ? next : replaced!;
    }

    /// <summary>Profiles of one model, history and as-of instant.</summary>
    private sealed class Generation(PersonalizationModel model, IReadOnlyDictionary<int, IReadOnlyList<Purchase>> purchases, DateTime asOf, long budgetBytes)
    {
        public PersonalizationModel Model { get; } = model;

        public IReadOnlyDictionary<int, IReadOnlyList<Purchase>> Purchases { get; } = purchases;

        public DateTime AsOf { get; } = asOf;

        public MemoryCache Profiles { get; } = new(new MemoryCacheOptions { SizeLimit = budgetBytes, TrackStatistics = true });
    }
}
