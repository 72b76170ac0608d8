using MerchDashboard.Data;
using MerchDashboard.Data.Import;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Features.Serving;

/// <summary>
/// Keeps this instance's snapshot in step with the database when other instances change it: checks
/// the <see cref="DataVersion"/> every <see cref="DatabaseOptions.ChangePollInterval"/>, and bumps the
/// data stamp after this instance imports, so the others reload the catalog.
/// </summary>
public sealed class StoreSnapshotRefresher : BackgroundService
{
    private readonly StoreSnapshotService _snapshots;
    private readonly DataVersionProbe _probe;
    private readonly StoreImporter _importer;
    private readonly TimeSpan _interval;
    private readonly ILogger<StoreSnapshotRefresher> _logger;

    public StoreSnapshotRefresher(StoreSnapshotService snapshots, DataVersionProbe probe, StoreImporter importer,
        IOptions<DatabaseOptions> options, ILogger<StoreSnapshotRefresher> logger)
    {
        _snapshots = snapshots;
        _probe = probe;
        _importer = importer;
        _interval = options.Value.ChangePollInterval;
        _logger = logger;
        _importer.Imported += OnImported;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await _snapshots.RefreshIfChangedAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException or TimeoutException)
            {
                _logger.LogWarning(ex, "Checking the database for changes from other instances failed; trying again");
            }
        }
    }

    private async void OnImported(ImportReport report)
    {
        try
        {
            await _probe.BumpDataStampAsync();
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException)
        {
            _logger.LogError(ex, "Marking the import for other instances failed; they reload after the next mining run");
        }
    }

    public override void Dispose()
    {
        _importer.Imported -= OnImported;
        base.Dispose();
    }
}
