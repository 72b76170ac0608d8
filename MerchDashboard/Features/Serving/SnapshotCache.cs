using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Features.Serving;

/// <summary>
/// The one cache of results derived from a store snapshot. Callers key entries by the snapshot's
/// <see cref="StoreSnapshot.Version"/> (or its <see cref="StoreSnapshot.LoadedAt"/> when only a full reload
/// changes the result), so a new snapshot simply misses and nothing needs invalidating: superseded entries
/// go when idle or when the size limit of <see cref="SnapshotCacheOptions"/> evicts them. A value is
/// created once per key even when several circuits ask at the same moment.
/// </summary>
public sealed class SnapshotCache : IDisposable
{
    private readonly MemoryCache _cache;
    private readonly MemoryCacheEntryOptions _entry;
    private readonly Lock _gate = new();

    public SnapshotCache(IOptions<SnapshotCacheOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.Entries, CompactionPercentage = 0.25, TrackStatistics = true });
        _entry = new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = options.Value.Idle };
    }

    /// <summary>Hits, misses and entries (tests assert what was served from the cache).</summary>
    public MemoryCacheStatistics? Statistics => _cache.GetCurrentStatistics();

    /// <summary>The value cached under <paramref name="key"/>, else <paramref name="create"/>'s, which is cached.</summary>
    public T GetOrCreate<T>(object key, Func<T> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        var entry = Entry(key, create);
        try
        {
            return entry.Value;
        }
        catch (Exception)
        {
            Forget(key, entry);
            throw;
        }
    }

    /// <summary>As <see cref="GetOrCreate{T}"/> for work in progress: a failed or cancelled task is not served again but started anew.</summary>
    public Task<T> GetOrStart<T>(object key, Func<Task<T>> start)
    {
        ArgumentNullException.ThrowIfNull(start);
        var entry = Entry(key, start);
        var task = entry.Value;
        if (!task.IsFaulted && !task.IsCanceled)
        {
            return task;
        }
        Forget(key, entry);
        return Entry(key, start).Value;
    }

    /// <summary>Removes the entry under the key if it is still this one (another caller may have replaced it).</summary>
    private void Forget<T>(object key, Lazy<T> entry)
    {
        lock (_gate)
        {
            if (_cache.TryGetValue(key, out Lazy<T>? cached) && ReferenceEquals(cached, entry))
            {
                _cache.Remove(key);
            }
        }
    }

    private Lazy<T> Entry<T>(object key, Func<T> create)
    {
        lock (_gate)
        {
            if (_cache.TryGetValue(key, out Lazy<T>? cached))
            {
                return cached!;
            }
            var entry = new Lazy<T>(create, LazyThreadSafetyMode.ExecutionAndPublication);
            _cache.Set(key, entry, _entry);
            return entry;
        }
    }

    public void Dispose() => _cache.Dispose();
}

public static class SnapshotCacheSetup
{
    public static IServiceCollection AddSnapshotCache(this IServiceCollection services)
    {
        services.AddOptions<SnapshotCacheOptions>().BindConfiguration(SnapshotCacheOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SnapshotCache>();
        return services;
    }
}
