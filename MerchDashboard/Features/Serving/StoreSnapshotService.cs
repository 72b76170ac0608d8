using System.Diagnostics;

namespace MerchDashboard.Features.Serving;

/// <summary>What a <see cref="StoreSnapshotService.RefreshAsync"/> call re-read (nothing when the snapshot was current).</summary>
[Flags]
public enum SnapshotReload
{
    None = 0,
    Everything = 1,
    Products = 2,
    Rules = 4,
    Curation = 8,
}

/// <summary>
/// Holds the current <see cref="StoreSnapshot"/> and replaces it when data changes: the curated lists
/// alone after a curation change, the products alone after a catalog API change, the complement rules alone
/// after a rule change (all cheap), everything after an import, an orders batch or a mining run. Readers take
/// <see cref="Current"/> once per request and keep a consistent view. Who calls what and when is the
/// pipeline coordinator's business (Features/Pipeline, docs/pipeline.md); reloads never overlap.
/// </summary>
public sealed class StoreSnapshotService : IDisposable
{
    private readonly StoreSnapshotLoader _loader;
    private readonly DataVersionProbe? _probe;
    private readonly ILogger<StoreSnapshotService> _logger;
    private readonly SemaphoreSlim _reload = new(1, 1);
    private StoreSnapshot _current = StoreSnapshot.Empty;
    private long _published;
    private string? _loadedDataStamp;
    private string? _loadedRulesStamp;
    private string? _loadedCatalogStamp;
    private int _fullReloads;

    // Without a probe (tests with one in-process instance) there is nothing to refresh from.
    public StoreSnapshotService(StoreSnapshotLoader loader, ILogger<StoreSnapshotService> logger, DataVersionProbe? probe = null)
    {
        _loader = loader;
        _probe = probe;
        _logger = logger;
    }

    public StoreSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Full reloads since start (the pipeline's tests count them: one per import).</summary>
    public int FullReloads => Volatile.Read(ref _fullReloads);

    /// <summary>The data stamp the current snapshot reflects; null before the first full load.</summary>
    public string? LoadedDataStamp => Volatile.Read(ref _loadedDataStamp);

    /// <summary>Raised after a new snapshot is in place (pages re-render, instances re-read).</summary>
    public event Action<StoreSnapshot>? Replaced;

    public async Task ReloadAllAsync(CancellationToken ct = default)
    {
        await _reload.WaitAsync(ct);
        try
        {
            // Read before loading: a change landing during the load shows as a newer stamp on the next check.
            await LoadAllAsync(_probe is null ? null : await _probe.ReadAsync(ct), ct);
        }
        finally
        {
            _reload.Release();
        }
    }

    public async Task ReloadCurationAsync(CancellationToken ct = default)
    {
        await _reload.WaitAsync(ct);
        try
        {
            await LoadCurationAsync(ct);
        }
        finally
        {
            _reload.Release();
        }
    }

    /// <summary>
    /// After a change to one curated list through this instance: that list alone is re-read, so this instance serves
    /// (and the curation API's GET shows) the change at once; other instances follow on their next check.
    /// </summary>
    public async Task RefreshCuratedListAsync(int anchorProductId, CancellationToken ct = default)
    {
        if (LoadedDataStamp is null)
        {
            return;
        }
        await _reload.WaitAsync(ct);
        try
        {
            var entry = await _loader.LoadCuratedListAsync(anchorProductId, ct);
            var current = Current;
            var loadedVersion = current.Curation.TryGetValue(anchorProductId, out var loaded) ? loaded.Version : (int?)null;
            if (entry?.Version == loadedVersion)
            {
                return;
            }
            var curation = new Dictionary<int, CuratedEntry>(current.Curation);
            if (entry is null)
            {
                curation.Remove(anchorProductId);
            }
            else
            {
                curation[anchorProductId] = entry;
            }
            Swap(current with { Curation = curation });
        }
        finally
        {
            _reload.Release();
        }
    }

    /// <summary>After a complement rule or a category pairing changed: only those are re-read, the rest of the catalog stays; other instances follow.</summary>
    public async Task ReloadCatalogRulesAsync(CancellationToken ct = default)
    {
        await _reload.WaitAsync(ct);
        try
        {
            await LoadRulesAsync(_probe is null ? null : await _probe.BumpRulesStampAsync(ct), ct);
        }
        finally
        {
            _reload.Release();
        }
    }

    /// <summary>Reloads whatever changed since the last load (see <see cref="RefreshAsync"/>).</summary>
    public async Task RefreshIfChangedAsync(CancellationToken ct = default)
    {
        if (_probe is not null)
        {
            await RefreshAsync(await _probe.ReadAsync(ct), deferredDataStamp: null, ct);
        }
    }

    /// <summary>
    /// Brings the snapshot up to <paramref name="version"/>: everything after a new data stamp or mining run,
    /// the products after a catalog API change, the complement rules after a rule change, the curated lists after
    /// a curation change. A data stamp equal to <paramref name="deferredDataStamp"/> is left for later: a mining
    /// run that follows the import reloads once when it is published. Does nothing before the first full load.
    /// </summary>
    public async Task<SnapshotReload> RefreshAsync(DataVersion version, string? deferredDataStamp, CancellationToken ct)
    {
        if (LoadedDataStamp is null)
        {
            return SnapshotReload.None;
        }
        await _reload.WaitAsync(ct);
        try
        {
            var dataMoved = version.DataStamp != _loadedDataStamp && version.DataStamp != deferredDataStamp;
            if (dataMoved || version.MiningRunId != Current.MiningRun?.Id)
            {
                await LoadAllAsync(version, ct);
                return SnapshotReload.Everything;
            }
            var reloaded = SnapshotReload.None;
            if (version.CatalogStamp != _loadedCatalogStamp)
            {
                await LoadProductsAsync(version.CatalogStamp, ct);
                reloaded |= SnapshotReload.Products;
            }
            if (version.RulesStamp != _loadedRulesStamp)
            {
                await LoadRulesAsync(version.RulesStamp, ct);
                reloaded |= SnapshotReload.Rules;
            }
            if (!DataVersionProbe.CurationMatches(Current, version))
            {
                await LoadCurationAsync(ct);
                reloaded |= SnapshotReload.Curation;
            }
            return reloaded;
        }
        finally
        {
            _reload.Release();
        }
    }

    private async Task LoadAllAsync(DataVersion? version, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        Swap(await _loader.LoadAllAsync(ct));
        Interlocked.Increment(ref _fullReloads);
        _loadedRulesStamp = version?.RulesStamp;
        _loadedCatalogStamp = version?.CatalogStamp;
        Volatile.Write(ref _loadedDataStamp, version?.DataStamp ?? "");
        _logger.LogInformation("Serving snapshot reloaded in {Elapsed} ms", clock.ElapsedMilliseconds);
    }

    private async Task LoadProductsAsync(string catalogStamp, CancellationToken ct)
    {
        var (products, categoryNames) = await _loader.LoadProductsAsync(ct);
        var current = Current;
        Swap(current with
        {
            Catalog = current.Catalog with { Products = products, CategoryNames = categoryNames },
            ProductIdsBySku = products.Values.ToDictionary(p => p.Sku, p => p.Id, StringComparer.Ordinal),
        });
        _loadedCatalogStamp = catalogStamp;
    }

    private async Task LoadRulesAsync(string? rulesStamp, CancellationToken ct)
    {
        var (rules, pairings) = await _loader.LoadCatalogSettingsAsync(ct);
        var current = Current;
        Swap(current with { Catalog = current.Catalog with { Rules = rules, Pairings = pairings } });
        _loadedRulesStamp = rulesStamp;
    }

    private async Task LoadCurationAsync(CancellationToken ct) =>
        Swap(Current with { Curation = await _loader.LoadCurationAsync(ct) });

    private void Swap(StoreSnapshot next)
    {
        next = next with { Version = Interlocked.Increment(ref _published) };
        Volatile.Write(ref _current, next);
        Replaced?.Invoke(next);
    }

    public void Dispose() => _reload.Dispose();
}
