using System.Security.Cryptography;
using System.Text;
using MerchDashboard.Data;
using MerchDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Features.Storefront;

public sealed record ApiKeyInfo(int Id, string Name, string Prefix, DateTime CreatedAt, string CreatedBy, DateTime? RevokedAt, IReadOnlyList<string> Scopes)
{
    public bool IsActive => RevokedAt is null;

    /// <summary>Origins a publishable key is accepted from (empty for other keys).</summary>
    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];

    public bool IsPublishable => Scopes.Contains(ApiKeyScopes.Publishable);
}

public sealed record CreatedApiKey(ApiKeyInfo Info, string Key);

/// <summary>
/// Storefront API keys: random 256-bit secrets shown once; only their SHA-256 is stored (a fast hash is
/// right for high-entropy random keys, unlike passwords). Valid keys are cached by hash for
/// <see cref="StorefrontApiOptions.KeyCacheSeconds"/> in a cache of at most
/// <see cref="StorefrontApiOptions.KeyCacheEntries"/> entries that evicts the least recently used: a
/// revocation clears this instance's cache at once and reaches every other instance within that time.
/// Invalid keys are never cached, so a flood of them cannot push valid keys out; per-address limits on
/// failures (<see cref="FailedKeyAttempts"/>) keep such a flood off the database.
/// </summary>
public sealed class ApiKeyService(
    IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, IOptions<StorefrontApiOptions>? options = null,
    IOptions<PublishableKeyOptions>? publishableOptions = null) : IDisposable
{
    public const string KeyPrefix = "mdk_";
    private readonly StorefrontApiOptions _options = options?.Value ?? new StorefrontApiOptions();
    private readonly MemoryCache _validKeys = new(new MemoryCacheOptions
    {
        SizeLimit = (options?.Value ?? new StorefrontApiOptions()).KeyCacheEntries,
        TrackStatistics = true,
    });

    /// <summary>Hits, misses and entries of the valid-key cache (tests assert that a key was served from it).</summary>
    public MemoryCacheStatistics? CacheStatistics => _validKeys.GetCurrentStatistics();

    /// <summary>Database lookups made for presented keys: every cache miss that passed the format check.</summary>
    public long DatabaseLookups => Interlocked.Read(ref _databaseLookups);
    private long _databaseLookups;

    public Task<(CreatedApiKey? Created, string? Error)> CreateAsync(string name, string createdBy, CancellationToken ct = default) =>
        CreateAsync(name, createdBy, scopes: null, ct);

    public Task<(CreatedApiKey? Created, string? Error)> CreateAsync(
        string name, string createdBy, IReadOnlyList<string>? scopes, CancellationToken ct = default) =>
        CreateAsync(name, createdBy, scopes, origins: null, ct);

    /// <summary>
    /// Creates a key with <paramref name="scopes"/> (null or empty: the default, storefront). A publishable key
    /// lives in shoppers' browsers: it holds no other scope and needs the <paramref name="origins"/> it is served from.
    /// </summary>
    public async Task<(CreatedApiKey? Created, string? Error)> CreateAsync(
        string name, string createdBy, IReadOnlyList<string>? scopes, IReadOnlyList<string>? origins, CancellationToken ct = default)
    {
        name = name.Trim();
        if (name.Length is 0 or > 100)
        {
            return (null, "Give the key a name of 1 to 100 characters (which storefront uses it).");
        }
        var (parsed, scopeError) = ApiKeyScopes.Parse(scopes is null ? null : string.Join(',', scopes));
        if (scopeError is not null)
        {
            return (null, scopeError);
        }
        var (allowed, originError) = CheckOrigins(parsed, origins ?? []);
        if (originError is not null)
        {
            return (null, originError);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.ApiKeys.AnyAsync(k => k.Name == name, ct))
        {
            return (null, $"A key named '{name}' already exists; revoke it or choose another name.");
        }
        var key = KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var entity = new ApiKey
        {
            Name = name, Prefix = key[..12], Hash = Hash(key), CreatedAt = time.GetUtcNow().UtcDateTime, CreatedBy = createdBy,
            Scopes = ApiKeyScopes.Format(parsed), AllowedOrigins = AllowedOrigins.Format(allowed),
        };
        db.ApiKeys.Add(entity);
        await db.SaveChangesAsync(ct);
        Invalidate();
        return (new CreatedApiKey(ToInfo(entity), key), null);
    }

    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await db.ApiKeys.OrderBy(k => k.Name).ToListAsync(ct)).Select(ToInfo).ToList();
    }

    public async Task<string?> RevokeAsync(string name, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Name == name, ct);
        if (key is null)
        {
            return $"There is no key named '{name}'.";
        }
        if (key.RevokedAt is not null)
        {
            return $"The key '{name}' was already revoked.";
        }
        key.RevokedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        Invalidate();
        return null;
    }

    /// <summary>The active key this secret belongs to, or null.</summary>
    public async ValueTask<ApiKeyInfo?> ValidateAsync(string presented, CancellationToken ct = default)
    {
        if (!presented.StartsWith(KeyPrefix, StringComparison.Ordinal) || presented.Length > 100)
        {
            return null;
        }
        return TryCached(presented) ?? await LookUpAsync(presented, ct);
    }

    /// <summary>The active key from the cache alone, without touching the database.</summary>
    public ApiKeyInfo? TryCached(string presented) => TryCached(presented, connectionItems: null);

    /// <summary>
    /// The active key from the cache alone, remembered in <paramref name="connectionItems"/> (the connection's items):
    /// a storefront's connection sends the same key request after request, so its hash is computed once per connection
    /// and cache period instead of per request. The memo holds only while the key's cache entry would (its expiry, and no
    /// <see cref="Invalidate"/> since), and matches only the exact string this connection sent before.
    /// </summary>
    public ApiKeyInfo? TryCached(string presented, IDictionary<object, object?>? connectionItems)
    {
        var generation = Volatile.Read(ref _generation);
        var now = time.GetUtcNow();
        if (connectionItems is not null && connectionItems.TryGetValue(ConnectionMemo.Item, out var item) && item is ConnectionMemo memo
            && memo.Generation == generation && now < memo.ExpiresAt && string.Equals(memo.Presented, presented, StringComparison.Ordinal))
        {
            return memo.Info;
        }
        if (!presented.StartsWith(KeyPrefix, StringComparison.Ordinal) || presented.Length > 100
            || !_validKeys.TryGetValue(Hash(presented), out CachedKey? cached) || cached is null)
        {
            return null;
        }
        if (connectionItems is not null)
        {
            connectionItems[ConnectionMemo.Item] = new ConnectionMemo(presented, cached.Info, generation, cached.ExpiresAt);
        }
        return cached.Info;
    }

    private sealed record CachedKey(ApiKeyInfo Info, DateTimeOffset ExpiresAt);

    private sealed record ConnectionMemo(string Presented, ApiKeyInfo Info, int Generation, DateTimeOffset ExpiresAt)
    {
        public static readonly object Item = new();
    }

    private int _generation;

    private async Task<ApiKeyInfo?> LookUpAsync(string presented, CancellationToken ct)
    {
        var hash = Hash(presented);
        Interlocked.Increment(ref _databaseLookups);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Hash == hash && k.RevokedAt == null, ct);
        if (key is null)
        {
            return null;
        }
        var info = ToInfo(key);
        var expiresAt = time.GetUtcNow() + TimeSpan.FromSeconds(_options.KeyCacheSeconds);
        _validKeys.Set(hash, new CachedKey(info, expiresAt), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(_options.KeyCacheSeconds) });
        return info;
    }

    /// <summary>
    /// Every origin some active publishable key allows: a CORS preflight carries no key, so it is answered for
    /// these. Cached like the keys, for <see cref="StorefrontApiOptions.KeyCacheSeconds"/>.
    /// </summary>
    public async ValueTask<IReadOnlySet<string>> PublishableOriginsAsync(CancellationToken ct = default)
    {
        if (_validKeys.TryGetValue(PublishableOriginsEntry, out IReadOnlySet<string>? cached) && cached is not null)
        {
            return cached;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stored = await db.ApiKeys.AsNoTracking().Where(k => k.RevokedAt == null && k.AllowedOrigins != "").Select(k => k.AllowedOrigins).ToListAsync(ct);
        IReadOnlySet<string> origins = stored.SelectMany(AllowedOrigins.Parse).ToHashSet(StringComparer.Ordinal);
        _validKeys.Set(PublishableOriginsEntry, origins, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(_options.KeyCacheSeconds) });
        return origins;
    }

    /// <summary>Forget cached keys and origins (another instance revoked one).</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _validKeys.Clear();
    }

    private const string PublishableOriginsEntry = "publishable-origins";

    private (IReadOnlyList<string> Origins, string? Error) CheckOrigins(IReadOnlyList<string> scopes, IReadOnlyList<string> origins)
    {
        var given = origins.Any(o => !string.IsNullOrWhiteSpace(o));
        if (!scopes.Contains(ApiKeyScopes.Publishable))
        {
            return given ? ([], "Allowed origins apply only to publishable keys; add the publishable scope or leave the origins out.") : ([], null);
        }
        if (scopes.Count > 1)
        {
            return ([], "A publishable key is visible to every shopper, so it holds no other scope; create a separate key for " + string.Join(", ", scopes.Where(s => s != ApiKeyScopes.Publishable)) + ".");
        }
        if (!given)
        {
            return ([], "A publishable key needs the origins of the shop pages that embed it (for example https://shop.example).");
        }
        return AllowedOrigins.NormalizeAll(origins, (publishableOptions?.Value ?? new PublishableKeyOptions()).MaxOrigins);
    }

    public void Dispose() => _validKeys.Dispose();

    /// <summary>Lowercase hex SHA-256 of the key's UTF-8; keys are at most 100 characters, so the bytes fit on the stack.</summary>
    internal static string Hash(string key)
    {
        Span<byte> utf8 = key.Length <= 128 ? stackalloc byte[key.Length * 3] : new byte[Encoding.UTF8.GetMaxByteCount(key.Length)];
        var length = Encoding.UTF8.GetBytes(key, utf8);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8[..length], hash);
        return Convert.ToHexStringLower(hash);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static ApiKeyInfo ToInfo(ApiKey k) =>
        new(k.Id, k.Name, k.Prefix, k.CreatedAt, k.CreatedBy, k.RevokedAt, ApiKeyScopes.Parse(k.Scopes).Scopes)
        {
            AllowedOrigins = AllowedOrigins.Parse(k.AllowedOrigins),
        };
}
