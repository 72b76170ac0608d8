using MerchDashboard.Data;
using MerchDashboard.Data.Import;
using MerchDashboard.Engine.Mining;
using Microsoft.EntityFrameworkCore;

namespace MerchDashboard.Features.Mining;

/// <summary>
/// Mines the orders into a new suggestion snapshot within the configured memory budget: reads the
/// baskets, runs the engine, writes the run's pairs and bundles, and only then makes the run current, in one
/// transaction. A failed or cancelled run leaves the previous run serving; nothing after publishing can
/// delete the new run's rows. One run at a time, across instances too (a <see cref="MiningLease"/>); the
/// lease and the gate are released on every path. Every phase reports progress and logs its duration.
/// </summary>
public sealed partial class MiningJob(
    IDbContextFactory<AppDbContext> dbFactory,
    IBulkWriter writer,
    MiningSettingsStore settingsStore,
    TimeProvider time,
    ILogger<MiningJob> logger) : IDisposable
{
    /// <summary>Mined candidates kept per anchor: more than a list shows, since the composer drops substitutes.</summary>
    public const int StoredCandidates = MiningSettings.MaxListSize;

    public const string RunningElsewhere = "A mining run is already running on another instance.";
    public const string AlreadyRunning = "A mining run is already in progress.";

    /// <summary>How long disposal waits for a cancelled background run to record its end before the database goes away.</summary>
    internal static readonly TimeSpan ShutdownWait = TimeSpan.FromSeconds(15);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _shutdown = new();
    private int _stopped;
    private readonly MiningLease _lease = new(dbFactory, time);
    private readonly MiningRunStore _store = new(dbFactory, writer, time);
    private readonly MiningTriggerQueue _queue = new();
    private readonly IDbContextFactory<AppDbContext> _dbFactory = dbFactory;
    private readonly MiningSettingsStore _settingsStore = settingsStore;
    private readonly TimeProvider _time = time;
    private readonly ILogger<MiningJob> _logger = logger;
    private CancellationTokenSource? _running;
    private MiningStatus _status = MiningStatus.Idle;

    public MiningStatus Status => Volatile.Read(ref _status);

    public event Action<MiningStatus>? StatusChanged;

    /// <summary>Test seam: called between writing the run and making it current.</summary>
    internal Func<CancellationToken, Task>? BeforeSwap { get; set; }

    internal MiningLease Lease => _lease;

    public void Cancel()
    {
        try
        {
            _running?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The run ended between reading the field and cancelling: nothing left to cancel.
        }
    }

    public async Task<bool> HasCurrentRunAsync(CancellationToken ct)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        return await db.MiningRuns.AnyAsync(r => r.IsCurrent, ct);
    }

    /// <summary>
    /// Starts a run in the background and returns true; during a run, queues one follow-up run instead
    /// (triggers arriving meanwhile are coalesced into it) and returns false. <paramref name="finished"/> hears
    /// every run's outcome (the pipeline coordinator publishes the new run there); the first caller's applies to
    /// the follow-up runs its queue drains.
    /// </summary>
    public bool TryStart(string trigger, Action<MiningOutcome>? finished = null) => _queue.Enqueue(trigger, async next =>
    {
        var outcome = await RunAsync(next, waitForGate: true, _shutdown.Token);
        finished?.Invoke(outcome);
    });

    /// <summary>
    /// Marks runs left Running by a crash as abandoned (with the reason) and frees a lease held by a dead
    /// process of this machine, so the next run starts; does nothing while another instance holds the lease.
    /// Returns the abandoned runs' ids.
    /// </summary>
    public async Task<IReadOnlyList<int>> RecoverInterruptedRunsAsync(CancellationToken ct)
    {
        if (!await _lease.IsFreeOrStaleAsync(ct))
        {
            return [];
        }
        var abandoned = await _store.AbandonRunningAsync(ct);
        if (abandoned.Count > 0)
        {
            _logger.LogWarning("Mining runs {Runs} were left Running by a stopped process: marked abandoned", string.Join(", ", abandoned));
        }
        return abandoned;
    }

    public Task<MiningOutcome> RunAsync(string trigger, CancellationToken ct) => RunAsync(trigger, waitForGate: false, ct);

    private async Task<MiningOutcome> RunAsync(string trigger, bool waitForGate, CancellationToken ct)
    {
        if (!await _gate.WaitAsync(waitForGate ? Timeout.Infinite : 0, ct))
        {
            return new MiningOutcome(false, null, AlreadyRunning);
        }
        MiningOutcome? outcome = null;
        try
        {
            outcome = await RunHoldingGateAsync(trigger, ct);
            return outcome;
        }
        finally
        {
            _running = null;
            if (Status.Running || outcome is null)
            {
                Report("Idle", 0, null, outcome?.Message ?? "The last run stopped unexpectedly; the previous suggestions keep serving.");
            }
            _gate.Release();
        }
    }

    private async Task<MiningOutcome> RunHoldingGateAsync(string trigger, CancellationToken ct)
    {
        try
        {
            if (!await _lease.TryAcquireAsync(ct))
            {
                Report("Idle", 0, null, RunningElsewhere);
                return new MiningOutcome(false, null, RunningElsewhere);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogError(ex, "Mining could not take the lease");
            return new MiningOutcome(false, null, $"Failed: the mining lease could not be taken ({ex.Message}).");
        }
        using var renewal = new CancellationTokenSource();
        var keeping = _lease.KeepAsync(ex => _logger.LogWarning(ex, "Renewing the mining lease failed; the run goes on"), renewal.Token);
        try
        {
            await AbandonLeftoversAsync(ct);
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            _running = cts;
            try
            {
                return await ExecuteAsync(trigger, cts.Token);
            }
            finally
            {
                _running = null;
            }
        }
        finally
        {
            await renewal.CancelAsync();
            await keeping;
            try
            {
                await _lease.ReleaseAsync();
            }
            catch (Exception ex)
            {
                // The lease expires on its own within its duration; this instance may take it again at once.
                _logger.LogError(ex, "Releasing the mining lease failed");
            }
        }
    }

    /// <summary>Holding the lease, no other run is live: runs still Running were left by a stopped process.</summary>
    private async Task AbandonLeftoversAsync(CancellationToken ct)
    {
        try
        {
            await _store.AbandonRunningAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogWarning(ex, "Marking runs left Running as abandoned failed; the next run tries again");
        }
    }

    internal void Report(string stage, double progress, DateTime? started, string? outcome)
    {
        var status = new MiningStatus(started is not null, stage, progress, started, outcome ?? Status.LastOutcome);
        Volatile.Write(ref _status, status);
        StatusChanged?.Invoke(status);
    }

    /// <summary>
    /// On shutdown a background run is cancelled and given <see cref="ShutdownWait"/> to record its end (the
    /// previous run keeps serving), so it never writes through a disposed database context. The host calls this
    /// from <see cref="MiningShutdown"/> before it disposes its services.
    /// </summary>
    public async Task StopAsync(CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }
        await _shutdown.CancelAsync();
        if (await _gate.WaitAsync(ShutdownWait, ct))
        {
            _gate.Release();
        }
        else
        {
            _logger.LogWarning("A mining run did not stop within {Seconds} s of shutdown; the next start marks it abandoned", ShutdownWait.TotalSeconds);
        }
    }

    public void Dispose()
    {
        StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        _shutdown.Dispose();
    }
}
