using MerchDashboard.Engine.Personalization;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Features.Serving;

/// <summary>
/// Real customers' profiles as the storefront composes with them, each built once per personalization model,
/// purchase history and as-of instant and then reused by every request: building one (and its similarity scores)
/// costs far more than composing with it (docs/benchmarks.md). A curation change keeps the profiles, since
/// profiles do not read curation. Kept within <see cref="ShopperProfileOptions.MemoryBudgetMB"/>; past it the
/// least recently used are dropped and rebuilt on demand. A new snapshot or served instant builds the known customers'
/// profiles in the background (<see cref="ShopperProfileOptions.WarmOnNewSnapshot"/>). A profile here equals
/// <see cref="RecommendationService.CustomerProfile(StoreSnapshot, string, DateTime)"/> for the same inputs.
/// </summary>
public sealed class ShopperProfileStore(IOptions<ShopperProfileOptions> options)
{
    private Generation? _generation;

    /// <summary>Profiles held now.</summary>
    public long Count => Volatile.Read(ref _generation)?.Profiles.Count ?? 0;

    /// <summary>The estimated bytes of the profiles held now, within the budget.</summary>
    public long HeldBytes => Volatile.Read(ref _generation)?.Profiles.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    /// <summary>
    /// The background building of the current snapshot's profiles (<see cref="ShopperProfileOptions.WarmOnNewSnapshot"/>);
    /// completed when none runs.
    /// </summary>
    public Task Warming => Volatile.Read(ref _generation)?.Warming ?? Task.CompletedTask;

    /// <summary>The customer's profile as of <paramref name="asOf"/>, or null for a customer the snapshot does not know.</summary>
    public ShopperProfile? Find(StoreSnapshot snapshot, string externalId, DateTime asOf)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(externalId);
        var generation = GenerationFor(snapshot, asOf);
        // Keyed by the customer's own id: the cache's string keys are looked up without boxing, one lookup per known
        // customer's request (an int key cost a boxed key, an object comparer and the id lookup first; docs/benchmarks.md).
        if (generation.Profiles.TryGetValue(externalId, out ShopperProfile? profile) && profile is not null)
        {
            return profile;
        }
        return snapshot.CustomerIdsByExternalId.ContainsKey(externalId) ? Build(generation, snapshot, externalId) : null;
    }

    private static ShopperProfile Build(Generation generation, StoreSnapshot snapshot, string externalId)
    {
        var profile = RecommendationService.CustomerProfile(snapshot, externalId, generation.AsOf)!;
        // A request and the warming may build the same customer at once: the first kept is the one every caller gets.
        lock (generation.Keeping)
        {
            if (generation.Profiles.TryGetValue(externalId, out ShopperProfile? kept) && kept is not null)
            {
                return kept;
            }
            generation.Profiles.Set(externalId, profile, new MemoryCacheEntryOptions { Size = profile.EstimatedBytes });
        }
        return profile;
    }

    private void Warm(Generation generation, StoreSnapshot snapshot)
    {
        var limit = (long)(generation.BudgetBytes * options.Value.WarmBudgetShare);
        long built = 0;
        foreach (var externalId in snapshot.CustomerIdsByExternalId.Keys)
        {
            if (built >= limit || !ReferenceEquals(Volatile.Read(ref _generation), generation))
            {
                return;
            }
            if (!generation.Profiles.TryGetValue(externalId, out _))
            {
                built += Build(generation, snapshot, externalId).EstimatedBytes;
            }
        }
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
        var warming = options.Value.WarmOnNewSnapshot ? new Task(() => Warm(next, snapshot)) : null;
        next.Warming = warming ?? Task.CompletedTask;
        if (Interlocked.CompareExchange(ref _generation, next, generation) is var replaced && !ReferenceEquals(replaced, generation))
        {
            return replaced!;
        }
        warming?.Start(TaskScheduler.Default);
        return next;
    }

    /// <summary>Profiles of one model, history and as-of instant.</summary>
    private sealed class Generation(PersonalizationModel model, IReadOnlyDictionary<int, IReadOnlyList<Purchase>> purchases, DateTime asOf, long budgetBytes)
    {
        public PersonalizationModel Model { get; } = model;

        public IReadOnlyDictionary<int, IReadOnlyList<Purchase>> Purchases { get; } = purchases;

        public DateTime AsOf { get; } = asOf;

        public long BudgetBytes { get; } = budgetBytes;

        public Task Warming { get; set; } = Task.CompletedTask;

        /// <summary>Taken to keep a built profile (a miss), never to read one.</summary>
        public Lock Keeping { get; } = new();

        public MemoryCache Profiles { get; } = new(new MemoryCacheOptions { SizeLimit = budgetBytes, TrackStatistics = true });
    }
}
