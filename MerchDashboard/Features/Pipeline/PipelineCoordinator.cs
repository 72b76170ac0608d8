using System.Threading.Channels;
using MerchDashboard.Data;
using MerchDashboard.Features.Curation;
using MerchDashboard.Features.Mining;
using MerchDashboard.Features.Serving;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Features.Pipeline;

/// <summary>
/// Owns ingest -> mine -> publish on this instance (docs/pipeline.md). Writers put their rows and bump a stamp
/// in the database, then drop a <see cref="PipelineSignal"/> here; every <see cref="DatabaseOptions.ChangePollInterval"/>
/// the coordinator also checks on its own, which is how it hears of other instances and the command line. One
/// check reads the stamps and the <see cref="PipelineState"/>, starts mining when the <see cref="MiningPolicy"/>
/// says so, and brings the serving snapshot up to date: once per change, with an import's reload left to the
/// mining run that follows it. Signals are never dropped: those waiting together are handled by one check.
/// </summary>
public sealed class PipelineCoordinator : BackgroundService, IPipelineSignals
{
    private readonly Channel<PipelineSignal> _signals = Channel.CreateUnbounded<PipelineSignal>(new UnboundedChannelOptions { SingleReader = true });
    private readonly StoreSnapshotService _snapshots;
    private readonly DataVersionProbe _probe;
    private readonly PipelineQueries _queries;
    private readonly MiningJob _mining;
    private readonly CurationChangeNotifier _curation;
    private readonly TimeProvider _time;
    private readonly TimeSpan _pollInterval;
    private readonly ILogger<PipelineCoordinator> _logger;
    private string? _seenRequest;
    private string? _deferredDataStamp;
    private bool _miningPending;
    private long _checks;
    private PipelineStatus _status = PipelineStatus.NotYetChecked;

    public PipelineCoordinator(StoreSnapshotService snapshots, DataVersionProbe probe, PipelineQueries queries, MiningJob mining,
        CurationChangeNotifier curation, TimeProvider time, IOptions<DatabaseOptions> options, ILogger<PipelineCoordinator> logger)
    {
        (_snapshots, _probe, _queries, _mining, _curation, _time, _logger) = (snapshots, probe, queries, mining, curation, time, logger);
        _pollInterval = options.Value.ChangePollInterval;
    }

    public PipelineStatus Status => Volatile.Read(ref _status);

    /// <summary>Raised after each check (the Mining page re-renders).</summary>
    public event Action<PipelineStatus>? Checked;

    /// <summary>Checks done since start; tests wait on it.</summary>
    public long Checks => Interlocked.Read(ref _checks);

    /// <summary>Queues <paramref name="signal"/>; never blocks, never drops (the queue is unbounded, and drained whole on each check).</summary>
    public void Signal(PipelineSignal signal) => _signals.Writer.TryWrite(signal);

    public void DataWritten(string writer) => Signal(new PipelineSignal.DataWritten(writer));

    public void MineNow(string trigger) => Signal(new PipelineSignal.MineRequested(trigger));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _curation.ListChanged += OnListChanged;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var signals = await NextSignalsAsync(stoppingToken);
                try
                {
                    await CheckAsync(signals, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // The next check starts over from the database; nothing of the signals is lost but their timing.
                    _logger.LogWarning(ex, "A pipeline check failed; the next one tries again");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping.
        }
        finally
        {
            _curation.ListChanged -= OnListChanged;
        }
    }

    private void OnListChanged(int anchorProductId) => Signal(new PipelineSignal.CurationChanged(anchorProductId));

    /// <summary>Waits for a signal or the poll interval, then takes every signal waiting.</summary>
    private async Task<List<PipelineSignal>> NextSignalsAsync(CancellationToken ct)
    {
        using var poll = CancellationTokenSource.CreateLinkedTokenSource(ct);
        poll.CancelAfter(_pollInterval);
        try
        {
            await _signals.Reader.WaitToReadAsync(poll.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The poll interval passed without a signal: check anyway.
        }
        var signals = new List<PipelineSignal>();
        while (_signals.Reader.TryRead(out var signal))
        {
            signals.Add(signal);
        }
        return signals;
    }

    private async Task CheckAsync(List<PipelineSignal> signals, CancellationToken ct)
    {
        foreach (var finished in signals.OfType<PipelineSignal.MiningFinished>())
        {
            _miningPending = false;
            _deferredDataStamp = null;
            _logger.LogInformation("Mining finished: {Message}", finished.Outcome.Message);
        }
        foreach (var request in signals.OfType<PipelineSignal.MineRequested>())
        {
            StartMining(request.Trigger);
        }
        var version = await _probe.ReadAsync(ct);
        var state = await _queries.ReadStateAsync(ct);
        var now = _time.GetUtcNow().UtcDateTime;
        if (state.OrdersWaiting == 0)
        {
            // Whatever a request asked for is mined already.
            _seenRequest = state.MiningRequest;
        }
        if (!_miningPending && state.Policy.Decide(state, _seenRequest, now) is { } trigger)
        {
            _seenRequest = state.MiningRequest;
            StartMining(trigger);
            if (version.DataStamp != _snapshots.LoadedDataStamp)
            {
                // The run publishes after reading these rows: one reload then serves both.
                _deferredDataStamp = version.DataStamp;
            }
        }
        await _snapshots.RefreshAsync(version, _deferredDataStamp, ct);
        var status = new PipelineStatus(state, state.OrdersWaiting > 0 ? state.Policy.NextScheduled(state, now) : null, now);
        Volatile.Write(ref _status, status);
        Interlocked.Increment(ref _checks);
        Checked?.Invoke(status);
    }

    private void StartMining(string trigger)
    {
        _miningPending = true;
        _mining.TryStart(trigger, outcome => Signal(new PipelineSignal.MiningFinished(outcome)));
    }
}
