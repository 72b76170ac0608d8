using System.Globalization;
using System.Text.Json;
using MerchDashboard.Data;
using MerchDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Features.Pipeline;

/// <summary>The coordinator's reads and the mining policy's storage: a few tiny queries, run on every check.</summary>
public sealed class PipelineQueries(IDbContextFactory<AppDbContext> dbFactory, IOptions<PipelineOptions> options, TimeProvider time)
{
    public const string PolicyKey = "pipeline.policy";

    public async Task<PipelineState> ReadStateAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        string[] keys = [DataStamps.MiningRequested, DataStamps.MinedThroughOrder, PolicyKey];
        var settings = await db.AppSettings.AsNoTracking().Where(s => keys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, s => (s.Value, s.UpdatedAt), ct);
        var last = await db.MiningRuns.AsNoTracking().OrderByDescending(r => r.Id)
            .Select(r => new LastRun(r.Status == MiningRunStatus.Running, r.Status == MiningRunStatus.Succeeded, r.StartedAt, r.FinishedAt))
            .FirstOrDefaultAsync(ct);
        // A run that started after the import asked for one read its orders: the request is answered, whichever instance
        // ran it (an instance started since, which has seen no request, must not mine for it again).
        var request = settings.TryGetValue(DataStamps.MiningRequested, out var asked) && (last is null || last.StartedAt <= asked.UpdatedAt) ? asked.Value : null;
        long waiting = 0;
        if (settings.TryGetValue(DataStamps.MinedThroughOrder, out var through) && long.TryParse(through.Value, CultureInfo.InvariantCulture, out var minedThrough))
        {
            waiting = await db.Orders.LongCountAsync(o => o.Id > minedThrough && !o.ExcludedFromMining, ct);
        }
        else if (last is null)
        {
            // Never mined: every order waits. (A database mined before this stamp existed counts as mined.)
            waiting = await db.Orders.LongCountAsync(o => !o.ExcludedFromMining, ct);
        }
        return new PipelineState(waiting, request, last, PolicyOf(settings.GetValueOrDefault(PolicyKey).Value));
    }

    public async Task<MiningPolicy> GetPolicyAsync(CancellationToken ct = default) => (await ReadStateAsync(ct)).Policy;

    /// <summary>Saves the policy every instance follows from its next check; an invalid one is refused with reasons.</summary>
    public async Task<IReadOnlyList<string>> SavePolicyAsync(MiningPolicy policy, string user, CancellationToken ct = default)
    {
        var reasons = policy.Validate();
        if (reasons.Count > 0)
        {
            return reasons;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await DataStamps.SetAsync(db, PolicyKey, JsonSerializer.Serialize(policy), time.GetUtcNow().UtcDateTime, ct);
        await db.AppSettings.Where(s => s.Key == PolicyKey).ExecuteUpdateAsync(s => s.SetProperty(x => x.UpdatedBy, user), ct);
        return [];
    }

    private MiningPolicy PolicyOf(string? saved) =>
        saved is null ? options.Value.ToPolicy() : JsonSerializer.Deserialize<MiningPolicy>(saved) ?? options.Value.ToPolicy();
}
