using MerchDashboard.Data;
using MerchDashboard.Data.Entities;
using MerchDashboard.Engine.Experiments;
using Microsoft.EntityFrameworkCore;

namespace MerchDashboard.Features.Experiments;

/// <summary>
/// Which experiment runs, held in memory for the storefront's hot path, and each shopper's arm in it
/// (<see cref="ArmAssigner"/>: the same on every instance). Shopper id = customer id, else visitor id; a request
/// with neither, or no running experiment, gets no arm.
/// </summary>
public sealed class ExperimentAssignment(IDbContextFactory<AppDbContext> dbFactory)
{
    private RunningExperiment? _running;

    public RunningExperiment? Running => Volatile.Read(ref _running);

    public ArmAssignment? Assign(string? customerId, string? visitorId)
    {
        var running = Running;
        var shopper = !string.IsNullOrEmpty(customerId) ? customerId : !string.IsNullOrEmpty(visitorId) ? visitorId : null;
        if (running is null || shopper is null)
        {
            return null;
        }
        return new ArmAssignment(running.Id, running.Name, ArmAssigner.Assign(running.Id, shopper, running.Arms), shopper);
    }

    public async Task ReloadAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Experiments.AsNoTracking().Where(e => e.Status == ExperimentStatus.Running)
            .Select(e => new { e.Id, e.Name, e.Arms }).FirstOrDefaultAsync(ct);
        var running = row is null ? null : new RunningExperiment(row.Id, row.Name, ArmShares.Parse(row.Arms).Shares);
        Volatile.Write(ref _running, running is { Arms.Count: > 0 } ? running : null);
    }
}

/// <summary>Re-reads the running experiment every <see cref="ExperimentOptions.RefreshSeconds"/>, starting with the first read at start-up.</summary>
public sealed class ExperimentAssignmentRefresher(ExperimentAssignment assignment, Microsoft.Extensions.Options.IOptions<ExperimentOptions> options,
    TimeProvider time, ILogger<ExperimentAssignmentRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.RefreshSeconds), time);
        do
        {
            try
            {
                await assignment.ReloadAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not read the running experiment; keeping the last known one.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
