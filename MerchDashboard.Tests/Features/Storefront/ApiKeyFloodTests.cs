using System.Collections.Concurrent;
using System.Net;
using MerchDashboard.Features.Serving;
using MerchDashboard.Features.Storefront;
using MerchDashboard.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace MerchDashboard.Tests.Features.Storefront;

/// <summary>A flood of invalid keys is cut off per address and never displaces valid keys from the cache.</summary>
public sealed class ApiKeyFloodTests(ApiKeyFloodTests.Fixture app) : IClassFixture<ApiKeyFloodTests.Fixture>
{
    private const int FailuresAllowed = 50;
    private const int Flood = 20_000;

    public sealed class Fixture() : ProductionAppFixture(new Dictionary<string, string?>
    {
        ["StorefrontApi:FailedKeyAttemptsPerAddress"] = FailuresAllowed.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["StorefrontApi:WindowSeconds"] = "3600",
        ["StorefrontApi:KeyCacheSeconds"] = "3600",
        ["StorefrontApi:KeyCacheEntries"] = "100",
    });

    [Fact]
    public async Task Flood_20000InvalidKeys_429AfterTheLimitAndValidKeyServedFromCache()
    {
        var ct = TestContext.Current.CancellationToken;
        var keys = app.Factory.Services.GetRequiredService<ApiKeyService>();
        var valid = await StorefrontClients.CreateKeyAsync(app.Factory, "flood survivor");
        var storefront = StorefrontClients.WithKey(app.Factory, valid.Key);
        var path = "/api/v1/customers/C1/recommendations";
        (await storefront.GetAsync(path, ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var lookupsBefore = keys.DatabaseLookups;

        var statuses = new ConcurrentDictionary<HttpStatusCode, int>();
        var attacker = MerchAppFixture.NewClient(app.Factory);
        await Parallel.ForEachAsync(Enumerable.Range(0, Flood), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (i, token) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add(ApiKeyAuthenticationHandler.HeaderName, $"{ApiKeyService.KeyPrefix}{Guid.NewGuid():N}{i}");
            using var response = await attacker.SendAsync(request, token);
            statuses.AddOrUpdate(response.StatusCode, 1, (_, n) => n + 1);
        });

        statuses.GetValueOrDefault(HttpStatusCode.Unauthorized).ShouldBe(FailuresAllowed);
        statuses.GetValueOrDefault(HttpStatusCode.TooManyRequests).ShouldBe(Flood - FailuresAllowed);
        (keys.DatabaseLookups - lookupsBefore).ShouldBe(FailuresAllowed, "past the limit no invalid key reaches the database");
        keys.CacheStatistics!.CurrentEntryCount.ShouldBe(1, "invalid keys are never cached");

        var hitsBefore = keys.CacheStatistics!.TotalHits;
        using var after = await storefront.GetAsync(path, ct);

        after.StatusCode.ShouldBe(HttpStatusCode.OK);
        keys.CacheStatistics!.TotalHits.ShouldBe(hitsBefore + 1, "the valid key was served from the cache");
        keys.DatabaseLookups.ShouldBe(lookupsBefore + FailuresAllowed);
    }

    [Fact]
    public async Task Validate_MoreValidKeysThanTheCacheHolds_CacheStaysWithinItsSize()
    {
        var keys = app.Factory.Services.GetRequiredService<ApiKeyService>();
        var created = new List<string>();
        for (var i = 0; i < 150; i++)
        {
            created.Add((await StorefrontClients.CreateKeyAsync(app.Factory, $"many {i}")).Key);
        }

        foreach (var key in created)
        {
            (await keys.ValidateAsync(key, TestContext.Current.CancellationToken)).ShouldNotBeNull();
        }

        keys.CacheStatistics!.CurrentEntryCount.ShouldBeLessThanOrEqualTo(100);
    }
}

/// <summary>The served-list cache is bounded however many distinct shoppers and anchors ask.</summary>
[Collection(SharedMerchApp.Name)]
public sealed class ServedListCacheBoundTests(MerchAppFixture app)
{
    [Fact]
    public void FrequentlyBoughtWith_ThousandsOfDistinctCustomerIds_NothingKeptPerCustomer()
    {
        var snapshots = app.Factory.Services.GetRequiredService<StoreSnapshotService>();
        var cache = new ServedListCache(snapshots, new ShopperProfileStore(Microsoft.Extensions.Options.Options.Create(new ShopperProfileOptions())), TimeProvider.System,
            Microsoft.Extensions.Options.Options.Create(new StorefrontApiOptions { ServedListCacheEntries = 100 }));
        var sku = snapshots.Current.ProductIdsBySku.Keys.Order().First();

        for (var i = 0; i < 2_000; i++)
        {
            cache.FrequentlyBoughtWith(sku, $"attacker-{i}", null)!.Dto.CustomerId.ShouldBe($"attacker-{i}");
            cache.Count.ShouldBe(1);
        }
    }

    [Fact]
    public void FrequentlyBoughtWith_MoreAnchorsAndSizesThanEntries_CacheStaysWithinItsSize()
    {
        var snapshots = app.Factory.Services.GetRequiredService<StoreSnapshotService>();
        var cache = new ServedListCache(snapshots, new ShopperProfileStore(Microsoft.Extensions.Options.Options.Create(new ShopperProfileOptions())), TimeProvider.System,
            Microsoft.Extensions.Options.Options.Create(new StorefrontApiOptions { ServedListCacheEntries = 100 }));
        var skus = snapshots.Current.ProductIdsBySku.Keys.Order().Take(60).ToList();

        foreach (var sku in skus)
        {
            for (var limit = 1; limit <= 5; limit++)
            {
                cache.FrequentlyBoughtWith(sku, null, limit).ShouldNotBeNull();
                cache.Count.ShouldBeLessThanOrEqualTo(100);
            }
        }
    }
}
