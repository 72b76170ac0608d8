using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using MerchDashboard.Data;
using MerchDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace MerchDashboard.Features.Storefront;

public sealed record ApiKeyInfo(int Id, string Name, string Prefix, DateTime CreatedAt, string CreatedBy, DateTime? RevokedAt, IReadOnlyList<string> Scopes)
{
    public bool IsActive => RevokedAt is null;
}

public sealed record CreatedApiKey(ApiKeyInfo Info, string Key);

/// <summary>
/// Storefront API keys: random 256-bit secrets shown once; only their SHA-256 is stored (a fast hash is
/// right for high-entropy random keys, unlike passwords). Lookups are cached by hash for
/// <see cref="CacheFor"/>: a revocation clears this instance's cache at once and reaches every other
/// instance within that time.
/// </summary>
public sealed class ApiKeyService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    public const string KeyPrefix = "mdk_";
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, (ApiKeyInfo? Key, DateTime CachedAt)> _byHash = new(StringComparer.Ordinal);

    public Task<(CreatedApiKey? Created, string? Error)> CreateAsync(string name, string createdBy, CancellationToken ct = default) =>
        CreateAsync(name, createdBy, scopes: null, ct);

    /// <summary>Creates a key with <paramref name="scopes"/> (null or empty: the default, storefront).</summary>
    public async Task<(CreatedApiKey? Created, string? Error)> CreateAsync(
        string name, string createdBy, IReadOnlyList<string>? scopes, CancellationToken ct = default)
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
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.ApiKeys.AnyAsync(k => k.Name == name, ct))
        {
            return (null, $"A key named '{name}' already exists; revoke it or choose another name.");
        }
        var key = KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var entity = new ApiKey
        {
            Name = name, Prefix = key[..12], Hash = Hash(key), CreatedAt = time.GetUtcNow().UtcDateTime, CreatedBy = createdBy,
            Scopes = ApiKeyScopes.Format(parsed),
        };
        db.ApiKeys.Add(entity);
        await db.SaveChangesAsync(ct);
        _byHash.Clear();
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
        _byHash.Clear();
        return null;
    }

    /// <summary>The active key this secret belongs to, or null.</summary>
    public async ValueTask<ApiKeyInfo?> ValidateAsync(string presented, CancellationToken ct = default)
    {
        if (!presented.StartsWith(KeyPrefix, StringComparison.Ordinal) || presented.Length > 100)
        {
            return null;
        }
        var hash = Hash(presented);
        var now = time.GetUtcNow().UtcDateTime;
        if (_byHash.TryGetValue(hash, out var cached) && now - cached.CachedAt < CacheFor)
        {
            return cached.Key;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Hash == hash && k.RevokedAt == null, ct);
        var info = key is null ? null : ToInfo(key);
        if (_byHash.Count < 10_000)
        {
            _byHash[hash] = (info, now);
        }
        return info;
    }

    /// <summary>Forget cached keys (another instance revoked one).</summary>
    public void Invalidate() => _byHash.Clear();

    internal static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static ApiKeyInfo ToInfo(ApiKey k) =>
        new(k.Id, k.Name, k.Prefix, k.CreatedAt, k.CreatedBy, k.RevokedAt, ApiKeyScopes.Parse(k.Scopes).Scopes);
}
