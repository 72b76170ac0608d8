using System.Globalization;
using System.Text.Json;
using MerchDashboard.Data;
using MerchDashboard.Data.Entities;
using MerchDashboard.Features.Storefront;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Features.DemoShop;

/// <summary>The demo shop's own key: its id (events are counted by it), the secret the page embeds, and the origins it allows.</summary>
public sealed record DemoShopKeyInfo(int Id, string Key, IReadOnlyList<string> Origins);

/// <summary>
/// The publishable key the app creates for its own demo shop. A publishable key is public by nature (every page
/// that embeds it shows it), so this one secret is kept in the settings table to be embedded again after a
/// restart; when it is missing, revoked or no longer allows the app's origins, a new key replaces it.
/// </summary>
public sealed class DemoShopKey(
    IDbContextFactory<AppDbContext> dbFactory, ApiKeyService keys, IServer server, IOptions<DemoShopOptions> options, TimeProvider time) : IDisposable
{
    public const string SettingKey = "demo-shop.key";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DemoShopKeyInfo? _current;

    private sealed record Stored(int Id, string Key);

    public void Dispose() => _gate.Dispose();

    /// <summary>The key, created on first use; one an administrator revoked is replaced (checked through the key cache, no query per page).</summary>
    public async Task<DemoShopKeyInfo> GetAsync(string requestOrigin, CancellationToken ct)
    {
        if (_current is { } current && await keys.ValidateAsync(current.Key, ct) is not null)
        {
            return current;
        }
        await _gate.WaitAsync(ct);
        try
        {
            if (_current is { } checkedByAnother && await keys.ValidateAsync(checkedByAnother.Key, ct) is not null)
            {
                return checkedByAnother;
            }
            return _current = await LoadOrCreateAsync(OwnOrigins(requestOrigin), ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The origins the app is served from; a test host without addresses is served from the request's origin.</summary>
    public IReadOnlyList<string> OwnOrigins(string requestOrigin)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var origins = addresses.SelectMany(Loopbacks).Concat(options.Value.Origins)
            .Select(o => AllowedOrigins.Normalize(o).Origin).OfType<string>().Distinct().ToList();
        return origins.Count > 0 ? origins : [requestOrigin];
    }

    private static IEnumerable<string> Loopbacks(string address)
    {
        var uri = new Uri(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal));
        var hosts = uri.IsLoopback ? new[] { "localhost", "127.0.0.1" } : [uri.Host];
        return hosts.Select(h => $"{uri.Scheme}://{h}:{uri.Port.ToString(CultureInfo.InvariantCulture)}");
    }

    private async Task<DemoShopKeyInfo> LoadOrCreateAsync(IReadOnlyList<string> origins, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.AppSettings.SingleOrDefaultAsync(s => s.Key == SettingKey, ct);
        if (row is not null && JsonSerializer.Deserialize<Stored>(row.Value) is { } stored
            && await keys.ValidateAsync(stored.Key, ct) is { } info && origins.All(info.AllowedOrigins.Contains))
        {
            return new DemoShopKeyInfo(info.Id, stored.Key, info.AllowedOrigins);
        }
        if (row is not null && JsonSerializer.Deserialize<Stored>(row.Value) is { } stale && await keys.ValidateAsync(stale.Key, ct) is { } old)
        {
            await keys.RevokeAsync(old.Name, ct);
        }
        var name = $"demo shop {time.GetUtcNow():yyyy-MM-dd HH:mm:ss} {System.Security.Cryptography.RandomNumberGenerator.GetHexString(4, lowercase: true)}";
        var (created, error) = await keys.CreateAsync(name, "system", [ApiKeyScopes.Publishable], origins, ct);
        if (created is null)
        {
            throw new InvalidOperationException($"The demo shop's publishable key could not be created: {error}");
        }
        row ??= db.AppSettings.Add(new AppSetting { Key = SettingKey }).Entity;
        row.Value = JsonSerializer.Serialize(new Stored(created.Info.Id, created.Key));
        row.UpdatedAt = time.GetUtcNow().UtcDateTime;
        row.UpdatedBy = "system";
        await db.SaveChangesAsync(ct);
        return new DemoShopKeyInfo(created.Info.Id, created.Key, created.Info.AllowedOrigins);
    }
}
