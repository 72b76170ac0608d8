using MerchDashboard.Features.Curation;

namespace MerchDashboard.Features.Serving;

/// <summary>
/// Holds the current <see cref="StoreSnapshot"/> and replaces it when data changes: the curated lists
/// alone after a curation change (cheap), everything after an import or a mining run. Readers take
/// <see cref="Current"/> once per request and keep a consistent view.
/// </summary>
public sealed class StoreSnapshotService : IDisposable
{
    private readonly StoreSnapshotLoader _loader;
    private readonly CurationChangeNotifier _notifier;
    private readonly ILogger<StoreSnapshotService> _logger;
    private readonly SemaphoreSlim _reload = new(1, 1);
    private StoreSnapshot _current = StoreSnapshot.Empty;

    public StoreSnapshotService(StoreSnapshotLoader loader, CurationChangeNotifier notifier, ILogger<StoreSnapshotService> logger)
    {
        _loader = loader;
        _notifier = notifier;
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
            Swap(await _loader.LoadAllAsync(ct));
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
            var curation = await _loader.LoadCurationAsync(ct);
            Swap(Current with { Curation = curation });
        }
        finally
        {
            _reload.Release();
        }
    }

    /// <summary>After a complement rule changed: only the rules are re-read, the rest of the catalog stays.</summary>
    public async Task ReloadCatalogRulesAsync(CancellationToken ct = default)
    {
        await _reload.WaitAsync(ct);
        try
        {
            var rules = await _loader.LoadRulesAsync(ct);
            var current = Current;
            Swap(current with { Catalog = current.Catalog with { Rules = rules } });
        }
        finally
        {
            _reload.Release();
        }
    }

    private void Swap(StoreSnapshot next)
    {
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
