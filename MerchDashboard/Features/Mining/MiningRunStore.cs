using System.Text.Json;
using MerchDashboard.Data;
using MerchDashboard.Data.Entities;
using MerchDashboard.Data.Import;
using MerchDashboard.Engine.Mining;
using Microsoft.EntityFrameworkCore;

namespace MerchDashboard.Features.Mining;

/// <summary>
/// The mining job's reads and writes. A run's rows are written under its id while it is not current;
/// <see cref="PublishAsync"/> makes it current in one transaction, and from then on nothing here deletes
/// its rows: <see cref="DiscardAsync"/> refuses a current run.
/// </summary>
internal sealed class MiningRunStore(IDbContextFactory<AppDbContext> dbFactory, IBulkWriter writer, TimeProvider time)
{
    public const string AbandonedReason = "Interrupted: the process stopped before the run finished (a crash, a kill or a restart); the previous suggestions kept serving.";

    private const int ProgressEveryLines = 1 << 16;

    /// <summary>Order lines streamed in order id order into the encoder; a basket is one order's products.</summary>
    public async Task<BasketEncoder> ReadBasketsAsync(IProgress<double> progress, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var total = Math.Max(1, await db.OrderLines.CountAsync(l => !l.Order!.ExcludedFromMining, ct));
        var encoder = new BasketEncoder();
        long current = -1;
        var read = 0;
        await foreach (var line in db.OrderLines.AsNoTracking().Where(l => !l.Order!.ExcludedFromMining).OrderBy(l => l.OrderId)
            .Select(l => new { l.OrderId, l.ProductId }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (line.OrderId != current && current != -1)
            {
                encoder.EndBasket();
            }
            current = line.OrderId;
            encoder.AddItem(line.ProductId);
            if (++read % ProgressEveryLines == 0)
            {
                progress.Report((double)read / total);
            }
        }
        if (current != -1)
        {
            encoder.EndBasket();
        }
        progress.Report(1);
        return encoder;
    }

    public async Task<int> CreateRunAsync(string trigger, MiningSettings settings, DateTime started, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = db.MiningRuns.Add(new MiningRun
        {
            StartedAt = started, Status = MiningRunStatus.Running, Trigger = trigger, SettingsJson = JsonSerializer.Serialize(settings),
        }).Entity;
        await db.SaveChangesAsync(ct);
        return run.Id;
    }

    public async Task<(int Pairs, int Bundles)> WriteRunAsync(int runId, MiningResult result, CancellationToken ct)
    {
        var pairs = new List<MinedPair>();
        var bundles = new List<MinedBundle>();
        foreach (var anchor in result.Anchors)
        {
            var anchorId = anchor.Anchor;
            pairs.AddRange(anchor.Candidates.Select((c, i) => new MinedPair
            {
                RunId = runId, AnchorProductId = anchorId, CandidateProductId = c.Item, Rank = i + 1,
                Count = c.Statistics.Count, Support = c.Statistics.Support, Confidence = c.Statistics.Confidence, Lift = c.Statistics.Lift,
                Leverage = c.Statistics.Leverage, Conviction = double.IsFinite(c.Statistics.Conviction) ? c.Statistics.Conviction : null, Score = c.Score,
            }));
            bundles.AddRange(anchor.Bundles.Select((b, i) => new MinedBundle
            {
                RunId = runId, AnchorProductId = anchorId, Rank = i + 1, Count = b.Count, Support = b.Support, Score = b.Score,
                ItemIds = string.Join(',', b.Items.Where(item => item != anchorId)),
            }));
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await writer.InsertAsync(db, pairs, null, ct);
        await writer.InsertAsync(db, bundles, null, ct);
        await tx.CommitAsync(ct);
        return (pairs.Count, bundles.Count);
    }

    /// <summary>Makes the run current and succeeded, in one transaction; older runs' rows go, the previous good run's stay.</summary>
    /// <summary>The highest order id now: the run reads at least the orders up to it, and records it as mined through when published.</summary>
    public async Task<long> LastOrderIdAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Orders.MaxAsync(o => (long?)o.Id, ct) ?? 0;
    }

    public async Task PublishAsync(int runId, int pairs, int bundles, int orders, string? warning, long minedThroughOrder, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        await db.MiningRuns.Where(r => r.IsCurrent).ExecuteUpdateAsync(s => s.SetProperty(r => r.IsCurrent, false), ct);
        await db.MiningRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.IsCurrent, true).SetProperty(r => r.Status, MiningRunStatus.Succeeded)
            .SetProperty(r => r.FinishedAt, now).SetProperty(r => r.Pairs, pairs).SetProperty(r => r.Bundles, bundles)
            .SetProperty(r => r.Orders, orders).SetProperty(r => r.Warning, warning), ct);
        await DataStamps.SetAsync(db, DataStamps.MinedThroughOrder, minedThroughOrder.ToString(System.Globalization.CultureInfo.InvariantCulture), now, ct);
        var keep = await db.MiningRuns.Where(r => r.Status == MiningRunStatus.Succeeded).OrderByDescending(r => r.Id).Select(r => r.Id).Take(2).ToListAsync(ct);
        await db.MinedPairs.Where(p => !keep.Contains(p.RunId)).ExecuteDeleteAsync(ct);
        await db.MinedBundles.Where(b => !keep.Contains(b.RunId)).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(CancellationToken.None);
    }

    /// <summary>Records how an unpublished run ended and deletes its rows; a current run is never touched.</summary>
    public async Task DiscardAsync(int runId, MiningRunStatus status, string error)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        if (await db.MiningRuns.AnyAsync(r => r.Id == runId && r.IsCurrent))
        {
            return;
        }
        await db.MinedPairs.Where(p => p.RunId == runId).ExecuteDeleteAsync();
        await db.MinedBundles.Where(b => b.RunId == runId).ExecuteDeleteAsync();
        await db.MiningRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, status).SetProperty(r => r.Error, error[..Math.Min(error.Length, 2000)])
            .SetProperty(r => r.FinishedAt, time.GetUtcNow().UtcDateTime));
        await tx.CommitAsync();
    }

    /// <summary>Marks every run still Running as abandoned and deletes its rows; call only when no live run can exist (the lease is free or ours).</summary>
    public async Task<IReadOnlyList<int>> AbandonRunningAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var running = await db.MiningRuns.Where(r => r.Status == MiningRunStatus.Running && !r.IsCurrent).Select(r => r.Id).ToListAsync(ct);
        foreach (var runId in running)
        {
            await DiscardAsync(runId, MiningRunStatus.Abandoned, AbandonedReason);
        }
        return running;
    }
}
