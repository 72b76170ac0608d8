using MerchDashboard.Features.Storefront;
using MerchDashboard.Tests.TestSupport;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MerchDashboard.Tests.Features.Storefront;

/// <summary>The per-connection memo of a verified key: used only for the same string, within the cache period, before any revocation.</summary>
public sealed class ApiKeyConnectionMemoTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(ApiKeyService Keys, FakeTimeProvider Clock, string Key)> KeyAsync(SqliteTestDatabase database)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero));
        var keys = new ApiKeyService(database, clock, Options.Create(new StorefrontApiOptions { KeyCacheSeconds = 5 }));
        var (created, _) = await keys.CreateAsync("memo shop", "tests", Ct);
        (await keys.ValidateAsync(created!.Key, Ct)).ShouldNotBeNull("the lookup that fills the cache");
        return (keys, clock, created.Key);
    }

    [Fact]
    public async Task TryCached_SameKeyOnTheSameConnection_ServedFromTheMemoWithoutTheCache()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var (keys, _, key) = await KeyAsync(database);
        var connection = new Dictionary<object, object?>();

        var first = keys.TryCached(key, connection);
        var hits = keys.CacheStatistics!.TotalHits;
        var again = keys.TryCached(new string(key.AsSpan()), connection);

        first.ShouldNotBeNull();
        again.ShouldBeSameAs(first);
        keys.CacheStatistics!.TotalHits.ShouldBe(hits, "the memo answered: no hash, no cache lookup");
    }

    [Fact]
    public async Task TryCached_OtherStringOnTheSameConnection_NotTheMemosKey()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var (keys, _, key) = await KeyAsync(database);
        var connection = new Dictionary<object, object?>();
        keys.TryCached(key, connection).ShouldNotBeNull();

        keys.TryCached(key[..^1] + (key[^1] == 'A' ? 'B' : 'A'), connection).ShouldBeNull("one character off is another, unknown key");
        keys.TryCached(key + " ", connection).ShouldBeNull();
    }

    [Fact]
    public async Task TryCached_AfterRevocation_MemoNoLongerServes()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var (keys, _, key) = await KeyAsync(database);
        var connection = new Dictionary<object, object?>();
        keys.TryCached(key, connection).ShouldNotBeNull();

        (await keys.RevokeAsync("memo shop", Ct)).ShouldBeNull();

        keys.TryCached(key, connection).ShouldBeNull();
        (await keys.ValidateAsync(key, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task TryCached_PastTheCachePeriod_MemoExpires()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var (keys, clock, key) = await KeyAsync(database);
        var connection = new Dictionary<object, object?>();
        keys.TryCached(key, connection).ShouldNotBeNull();
        var hits = keys.CacheStatistics!.TotalHits;

        clock.Advance(TimeSpan.FromSeconds(4));
        keys.TryCached(key, connection).ShouldNotBeNull();
        keys.CacheStatistics!.TotalHits.ShouldBe(hits, "within the period: the memo");
        clock.Advance(TimeSpan.FromSeconds(2));
        keys.TryCached(key, connection);

        keys.CacheStatistics!.TotalHits.ShouldBeGreaterThan(hits, "past the key's cache period the memo is not used");
    }
}
