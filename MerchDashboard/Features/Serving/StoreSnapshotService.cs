using MerchDashboard.Features.Curation;

namespace MerchDashboard.Features.Serving;

/// <summary>
/// Holds the current <see cref="StoreSnapshot"/> and replaces it when data changes: the curated lists
/// alone after a curation change (cheap), everything after an import or a mining run. Readers take
/// <see cref="Current"/> once per request and keep a consistent view. Changes made by other
/// instances on the same database arrive through <see cref="RefreshIfChangedAsync"/>, which
/// <see cref="StoreSnapshotRefresher"/> calls every second.
/// </summary>
public sealed class StoreSnapshotService : IDisposable
{
    private readonly StoreSnapshotLoader _loader;
    private readonly CurationChangeNotifier _notifier;
    private readonly DataVersionProbe? _probe;
    private readonly ILogger<StoreSnapshotService> _logger;
    private readonly SemaphoreSlim _reload = new(1, 1);
    private StoreSnapshot _current = StoreSnapshot.Empty;
    private long _published;
    private string? _loadedDataStamp;
    private string? _loadedRulesStamp;

    // Without a probe (tests with one in-process instance) there is nothing to refresh from.
    public StoreSnapshotService(StoreSnapshotLoader loader, CurationChangeNotifier notifier, ILogger<StoreSnapshotService> logger, DataVersionProbe? probe = null)
    {
        _loader = loader;
        _notifier = notifier;
        _probe = probe;
        _logger = logger;
        _notifier.ListChanged += OnListChanged;
    }

    public StoreSnapshot Current => Volatile.Read(ref _current);

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

    /// <summary>
    /// Reloads what another instance (or process) changed: everything after an import or a new mining
    /// run, the complement rules after a rule change, the curated lists after a curation change. Does nothing before the first full load. The
    /// check runs under the reload lock, so a change this instance is already reloading is not loaded twice.
    /// </summary>
    public async Task RefreshIfChangedAsync(CancellationToken ct = default)
    {
        if (_probe is null || Volatile.Read(ref _loadedDataStamp) is null)
        {
            return;
        }
        await _reload.WaitAsync(ct);
        try
        {
            var version = await _probe.ReadAsync(ct);
            if (version.DataStamp != _loadedDataStamp || version.MiningRunId != Current.MiningRun?.Id)
            {
                await LoadAllAsync(version, ct);
                return;
            }
            if (version.RulesStamp != _loadedRulesStamp)
            {
                await LoadRulesAsync(version.RulesStamp, ct);
            }
            if (!DataVersionProbe.CurationMatches(Current, version))
            {
                await LoadCurationAsync(ct);
            }
        }
        finally
        {
            _reload.Release();
        }
    }

    private async Task LoadAllAsync(DataVersion? version, CancellationToken ct)
    {
        Swap(await _loader.LoadAllAsync(ct));
        _loadedRulesStamp = version?.RulesStamp;
        Volatile.Write(ref _loadedDataStamp, version?.DataStamp);
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

    private async void OnListChanged(int anchorProductId)
    {
        try
        {
            await ReloadCurationAsync();
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException or System.Data.Common.DbException)
        {
            _logger.LogError(ex, "Reloading the curated lists after a change to {Anchor} failed; the previous lists keep serving", anchorProductId);
        }
    }

    public void Dispose()
    {
        _notifier.ListChanged -= OnListChanged;
        _reload.Dispose();
    }
}
