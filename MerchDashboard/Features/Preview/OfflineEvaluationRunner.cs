using System.Diagnostics;
using MerchDashboard.Engine.Mining;
using MerchDashboard.Engine.Personalization;
using MerchDashboard.Features.Mining;
using MerchDashboard.Features.Serving;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Features.Preview;

/// <summary>A finished evaluation, for the snapshot it was computed on.</summary>
public sealed record EvaluationSummary(
    EvaluationReport Report, DateTime SnapshotLoadedAt, MiningSettings Settings, TimeSpan Elapsed, string Verdict,
    CartEvaluationReport? Cart = null, string? CartVerdict = null);

/// <summary>What the evaluation is doing; immutable, replaced on every change.</summary>
public sealed record EvaluationStatus(bool Running, double Progress, EvaluationSummary? Result, string? Message)
{
    public static EvaluationStatus Idle { get; } = new(false, 0, null, null);
}

/// <summary>
/// Runs the offline evaluation of the current snapshot in the background, one run at a time, and keeps the
/// result until the snapshot is replaced (new data or curation make it stale).
/// </summary>
public sealed class OfflineEvaluationRunner : IDisposable
{
    public const int VerdictK = 10;

    private readonly StoreSnapshotService _snapshots;
    private readonly MiningSettingsStore _settings;
    private readonly ILogger<OfflineEvaluationRunner> _logger;
    private readonly CartEvaluationOptions _cartOptions;
    private readonly Lock _gate = new();
    private CancellationTokenSource? _running;
    private EvaluationStatus _status = EvaluationStatus.Idle;

    public OfflineEvaluationRunner(StoreSnapshotService snapshots, MiningSettingsStore settings, ILogger<OfflineEvaluationRunner> logger,
        IOptions<CartEvaluationOptions>? cartOptions = null)
    {
        _cartOptions = cartOptions?.Value ?? new CartEvaluationOptions();
        _snapshots = snapshots;
        _settings = settings;
        _logger = logger;
        _snapshots.Replaced += OnSnapshotReplaced;
    }

    public EvaluationStatus Status => Volatile.Read(ref _status);

    public event Action<EvaluationStatus>? Changed;

    /// <summary>Starts a run unless one is running; the returned task ends with the run.</summary>
    public Task StartAsync()
    {
        CancellationTokenSource cts;
        lock (_gate)
        {
            if (_running is not null)
            {
                return Task.CompletedTask;
            }
            _running = cts = new CancellationTokenSource();
        }
        Publish(new EvaluationStatus(true, 0, null, "Mining the training orders"));
        return Task.Run(() => RunAsync(_snapshots.Current, cts));
    }

    public void Cancel()
    {
        lock (_gate)
        {
            _running?.Cancel();
        }
    }

    private async Task RunAsync(StoreSnapshot snapshot, CancellationTokenSource cts)
    {
        var ct = cts.Token;
        try
        {
            var watch = Stopwatch.StartNew();
            var settings = await _settings.GetAsync(ct);
            var purchases = snapshot.PurchasesByCustomer.Values.SelectMany(lines => lines).ToList();
            var split = HoldoutSplit.Create(purchases);
            var mined = TrainingListMiner.MineAll(split.Training, settings, new Stage(this, 0, 0.3), ct);
            var lists = TrainingListMiner.Lists(mined);
            Publish(new EvaluationStatus(true, 0.3, null, "Training and scoring the recommenders"));
            var report = OfflineEvaluator.Evaluate(split, snapshot.Personalization.Catalog, TrainingListMiner.Recommender(lists),
                progress: new Stage(this, 0.3, 0.9), cancellationToken: ct);
            Publish(new EvaluationStatus(true, 0.9, null, "Scoring the cart lists"));
            var cart = CartEvaluation.Run(split, mined, snapshot.Catalog, EvaluationOptions.Default.Ks, _cartOptions.MaxCases, ct);
            var summary = new EvaluationSummary(report, snapshot.LoadedAt, settings, watch.Elapsed, EvaluationVerdict.Write(report, VerdictK),
                cart, CartEvaluationVerdict.Write(cart, VerdictK));
            Publish(new EvaluationStatus(false, 1, summary, null), cts);
        }
        catch (OperationCanceledException)
        {
            Publish(new EvaluationStatus(false, 0, null, "Evaluation cancelled."), cts);
        }
        catch (Exception ex)
        {
            // A background run has no caller to rethrow to: the page must leave "running" and say what happened.
            _logger.LogError(ex, "The offline evaluation failed");
            Publish(new EvaluationStatus(false, 0, null, $"The evaluation failed: {ex.Message}"), cts);
        }
        finally
        {
            lock (_gate)
            {
                if (_running == cts)
                {
                    _running = null;
                }
            }
            cts.Dispose();
        }
    }

    private void Publish(EvaluationStatus status, CancellationTokenSource? from = null)
    {
        // A run superseded by a snapshot change must not write its stale result back.
        if (from is not null && from.IsCancellationRequested && status.Result is not null)
        {
            return;
        }
        Volatile.Write(ref _status, status);
        Changed?.Invoke(status);
    }

    private void OnSnapshotReplaced(StoreSnapshot snapshot)
    {
        if (Status.Result is null && !Status.Running)
        {
            return;
        }
        Cancel();
        Publish(EvaluationStatus.Idle with { Message = Status.Result is null ? null : "The data changed since the last evaluation; run it again." });
    }

    public void Dispose()
    {
        _snapshots.Replaced -= OnSnapshotReplaced;
        Cancel();
    }

    private sealed class Stage(OfflineEvaluationRunner runner, double from, double to) : IProgress<double>
    {
        private double _last = -1;

        public void Report(double value)
        {
            var overall = from + (to - from) * value;
            if (overall - _last < 0.01 && value < 1)
            {
                return;
            }
            _last = overall;
            var current = runner.Status;
            if (current.Running)
            {
                runner.Publish(current with { Progress = overall });
            }
        }
    }
}
