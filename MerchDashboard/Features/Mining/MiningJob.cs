using System.Globalization;
using System.Text.Json;
using MerchDashboard.Data;
using MerchDashboard.Data.Entities;
using MerchDashboard.Data.Import;
using MerchDashboard.Engine.Mining;
using Microsoft.EntityFrameworkCore;

namespace MerchDashboard.Features.Mining;

/// <summary>
/// Mines the orders into a new suggestion snapshot: reads the baskets, runs the engine, writes the
/// run's pairs and bundles, and only then makes the run current, in one transaction. A failed or
/// cancelled run leaves the previous run serving. One run at a time, across instances too (a
/// <see cref="MiningLease"/> in the database); progress and cancellation are exposed for the UI.
/// </summary>
public sealed class MiningJob(
    IDbContextFactory<AppDbContext> dbFactory,
    IBulkWriter writer,
    MiningSettingsStore settingsStore,
    TimeProvider time,
    ILogger<MiningJob> logger) : IDisposable
{
    /// <summary>Mined candidates kept per anchor: more than a list shows, since the composer drops substitutes.</summary>
    public const int StoredCandidates = MiningSettings.MaxListSize;

    public const string RunningElsewhere = "A mining run is already running on another instance.";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly MiningLease _lease = new(dbFactory, time);
    private CancellationTokenSource? _running;
    private MiningStatus _status = MiningStatus.Idle;

    public MiningStatus Status => Volatile.Read(ref _status);

    public event Action<MiningStatus>? StatusChanged;

    /// <summary>Awaited after a new run became current (the web app reloads its serving snapshot here).</summary>
    public event Func<Task>? RunSwapped;

    /// <summary>Test seam: called between writing the run and making it current.</summary>
    internal Func<CancellationToken, Task>? BeforeSwap { get; set; }

    public void Cancel() => _running?.Cancel();

    public async Task<bool> HasCurrentRunAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.MiningRuns.AnyAsync(r => r.IsCurrent, ct);
    }

    /// <summary>Starts a run in the background unless one is running; returns at once.</summary>
    public bool TryStart(string trigger)
    {
        if (Status.Running)
        {
            return false;
        }
        _ = Task.Run(() => RunAsync(trigger, CancellationToken.None));
        return true;
    }

    public async Task<MiningOutcome> RunAsync(string trigger, CancellationToken ct)
    {
        if (!await _gate.WaitAsync(0, ct))
        {
            return new MiningOutcome(false, null, "A mining run is already in progress.");
        }
        bool leased;
        try
        {
            leased = await _lease.TryAcquireAsync(ct);
        }
        catch
        {
            _gate.Release();
            throw;
        }
        if (!leased)
        {
            _gate.Release();
            Report("Idle", 0, null, RunningElsewhere);
            return new MiningOutcome(false, null, RunningElsewhere);
        }
        using var renewal = new CancellationTokenSource();
        var keeping = _lease.KeepAsync(renewal.Token);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        _running = cts;
        var started = time.GetUtcNow().UtcDateTime;
        int? runId = null;
        try
        {
            Report("Reading orders", 0, started, null);
            var settings = await settingsStore.GetAsync(cts.Token);
            var mining = settings with { ListSize = StoredCandidates };
            runId = await CreateRunAsync(trigger, settings, started, cts.Token);
            var baskets = await ReadBasketsAsync(cts.Token);
            Report("Mining", 0.2, started, null);
            var result = AssociationMiner.Run(baskets, mining, new Progress<double>(p => Report("Mining", 0.2 + 0.6 * p, started, null)), cts.Token);
            Report("Writing suggestions", 0.8, started, null);
            var (pairs, bundles) = await WriteRunAsync(runId.Value, result, cts.Token);
            if (BeforeSwap is { } hook)
            {
                await hook(cts.Token);
            }
            await SwapAsync(runId.Value, pairs, bundles, result.BasketCount, cts.Token);
            foreach (var handler in RunSwapped?.GetInvocationList().Cast<Func<Task>>() ?? [])
            {
                await handler();
            }
            var message = $"Mined {result.BasketCount:N0} orders: {pairs:N0} suggestions and {bundles:N0} bundles in {(time.GetUtcNow().UtcDateTime - started).TotalSeconds:N1} s.";
            logger.LogInformation("Mining run {Run} ({Trigger}): {Message}", runId, trigger, message);
            Report("Idle", 1, null, message);
            return new MiningOutcome(true, runId, message);
        }
        catch (OperationCanceledException)
        {
            await FinishAsync(runId, MiningRunStatus.Cancelled, "Cancelled");
            Report("Idle", 0, null, "The last run was cancelled; the previous suggestions keep serving.");
            return new MiningOutcome(false, runId, "Cancelled; the previous suggestions keep serving.");
        }
        catch (Exception ex) when (ex is InvalidOperationException or DbUpdateException or System.Data.Common.DbException or ArgumentException)
        {
            logger.LogError(ex, "Mining run {Run} failed; the previous suggestions keep serving", runId);
            await FinishAsync(runId, MiningRunStatus.Failed, ex.Message);
            Report("Idle", 0, null, $"The last run failed ({ex.Message}); the previous suggestions keep serving.");
            return new MiningOutcome(false, runId, $"Failed: {ex.Message}");
        }
        finally
        {
            _running = null;
            await renewal.CancelAsync();
            await keeping;
            await _lease.ReleaseAsync();
            _gate.Release();
        }
    }

    private async Task<TransactionSet> ReadBasketsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var encoder = new BasketEncoder();
        long current = -1;
        // Zero-padded ids: labels sort ordinally, so "0000010" stays after "0000009".
        await foreach (var line in db.OrderLines.AsNoTracking().Where(l => !l.Order!.ExcludedFromMining).OrderBy(l => l.OrderId)
            .Select(l => new { l.OrderId, l.ProductId }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (line.OrderId != current && current != -1)
            {
                encoder.EndBasket();
            }
            current = line.OrderId;
            encoder.AddItem(Label(line.ProductId));
        }
        if (current != -1)
        {
            encoder.EndBasket();
        }
        return encoder.Build();
    }

    internal static string Label(int productId) => productId.ToString("D9", CultureInfo.InvariantCulture);

    private async Task<int> CreateRunAsync(string trigger, MiningSettings settings, DateTime started, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = db.MiningRuns.Add(new MiningRun
        {
            StartedAt = started, Status = MiningRunStatus.Running, Trigger = trigger, SettingsJson = JsonSerializer.Serialize(settings),
        }).Entity;
        await db.SaveChangesAsync(ct);
        return run.Id;
    }

    private async Task<(int Pairs, int Bundles)> WriteRunAsync(int runId, MiningResult result, CancellationToken ct)
    {
        var pairs = new List<MinedPair>();
        var bundles = new List<MinedBundle>();
        foreach (var anchor in result.Anchors)
        {
            var anchorId = int.Parse(anchor.Anchor, CultureInfo.InvariantCulture);
            pairs.AddRange(anchor.Candidates.Select((c, i) => new MinedPair
            {
                RunId = runId, AnchorProductId = anchorId, CandidateProductId = int.Parse(c.Item, CultureInfo.InvariantCulture), Rank = i + 1,
                Count = c.Statistics.Count, Support = c.Statistics.Support, Confidence = c.Statistics.Confidence, Lift = c.Statistics.Lift,
                Leverage = c.Statistics.Leverage, Conviction = double.IsFinite(c.Statistics.Conviction) ? c.Statistics.Conviction : null, Score = c.Score,
            }));
            bundles.AddRange(anchor.Bundles.Select((b, i) => new MinedBundle
            {
                RunId = runId, AnchorProductId = anchorId, Rank = i + 1, Count = b.Count, Support = b.Support, Score = b.Score,
                ItemIds = string.Join(',', b.Items.Where(item => item != anchor.Anchor).Select(item => int.Parse(item, CultureInfo.InvariantCulture))),
            }));
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await writer.InsertAsync(db, pairs, null, ct);
        await writer.InsertAsync(db, bundles, null, ct);
        await tx.CommitAsync(ct);
        return (pairs.Count, bundles.Count);
    }

    private async Task SwapAsync(int runId, int pairs, int bundles, int orders, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        await db.MiningRuns.Where(r => r.IsCurrent).ExecuteUpdateAsync(s => s.SetProperty(r => r.IsCurrent, false), ct);
        await db.MiningRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.IsCurrent, true).SetProperty(r => r.Status, MiningRunStatus.Succeeded)
            .SetProperty(r => r.FinishedAt, now).SetProperty(r => r.Pairs, pairs).SetProperty(r => r.Bundles, bundles)
            .SetProperty(r => r.Orders, orders), ct);
        // Keep the previous good run for comparison; older runs' rows go.
        var keep = await db.MiningRuns.Where(r => r.Status == MiningRunStatus.Succeeded).OrderByDescending(r => r.Id).Select(r => r.Id).Take(2).ToListAsync(ct);
        await db.MinedPairs.Where(p => !keep.Contains(p.RunId)).ExecuteDeleteAsync(ct);
        await db.MinedBundles.Where(b => !keep.Contains(b.RunId)).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(CancellationToken.None);
    }

    private async Task FinishAsync(int? runId, MiningRunStatus status, string error)
    {
        if (runId is null)
        {
            return;
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.MinedPairs.Where(p => p.RunId == runId).ExecuteDeleteAsync();
        await db.MinedBundles.Where(b => b.RunId == runId).ExecuteDeleteAsync();
        await db.MiningRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, status).SetProperty(r => r.Error, error).SetProperty(r => r.FinishedAt, time.GetUtcNow().UtcDateTime));
    }

    private void Report(string stage, double progress, DateTime? started, string? outcome)
    {
        var status = new MiningStatus(started is not null, stage, progress, started, outcome ?? Status.LastOutcome);
        Volatile.Write(ref _status, status);
        StatusChanged?.Invoke(status);
    }

    public void Dispose()
    {
        _gate.Dispose();
        _running?.Dispose();
    }
}
