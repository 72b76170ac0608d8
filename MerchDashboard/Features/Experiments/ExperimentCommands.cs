using MerchDashboard.Data;
using MerchDashboard.Data.Entities;
using MerchDashboard.Engine.Experiments;
using Microsoft.EntityFrameworkCore;

namespace MerchDashboard.Features.Experiments;

/// <summary>What a manager fills in to create an experiment; <see cref="Arms"/> is "control=50,both=50".</summary>
public sealed record ExperimentDraft(string Name, string Hypothesis, string Arms, string PrimaryKpi, double MinimumEffect, DateTime PlannedStart, DateTime PlannedEnd);

/// <summary>An experiment as lists show it.</summary>
public sealed record ExperimentSummary(int Id, string Name, string Hypothesis, string Arms, string PrimaryKpi, double MinimumEffect, long? PlannedSamplePerArm,
    DateTime PlannedStart, DateTime PlannedEnd, ExperimentStatus Status, DateTime? StartedAt, DateTime? StoppedAt, DateTime CreatedAt, string CreatedBy);

/// <summary>
/// Creating, starting, pausing and stopping experiments. One runs at a time: the database's unique index on
/// <see cref="Experiment.RunningSlot"/> refuses a second start even when two instances race. Expected failures are
/// returned as messages.
/// </summary>
public sealed class ExperimentCommands(IDbContextFactory<AppDbContext> dbFactory, ExperimentPlanner planner, ExperimentAssignment assignment, TimeProvider time)
{
    public async Task<IReadOnlyList<ExperimentSummary>> ListAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Experiments.AsNoTracking().OrderByDescending(e => e.Id).ToListAsync(ct);
        return [.. rows.Select(Summary)];
    }

    public async Task<ExperimentSummary?> FindAsync(string name, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Experiments.AsNoTracking().FirstOrDefaultAsync(e => e.Name == name, ct) is { } row ? Summary(row) : null;
    }

    public async Task<(ExperimentSummary? Created, string? Error)> CreateAsync(ExperimentDraft draft, string user, CancellationToken ct)
    {
        var name = draft.Name.Trim();
        var (shares, armError) = ArmShares.Parse(draft.Arms);
        var error = name.Length is 0 or > Experiment.MaxNameLength ? $"The name must have 1 to {Experiment.MaxNameLength} characters."
            : draft.Hypothesis.Length > Experiment.MaxHypothesisLength ? $"The hypothesis must have at most {Experiment.MaxHypothesisLength} characters."
            : armError is not null ? $"Arms: {armError}"
            : !PrimaryKpis.All.Contains(draft.PrimaryKpi) ? $"The primary KPI '{draft.PrimaryKpi}' is not one of {string.Join(", ", PrimaryKpis.All)}."
            : draft.MinimumEffect is <= 0 or > 10 ? "The effect to detect must be a relative change above 0% and at most 1000%."
            : draft.PlannedEnd <= draft.PlannedStart ? "The planned end must come after the planned start."
            : null;
        if (error is not null)
        {
            return (null, error);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Experiments.AnyAsync(e => e.Name == name, ct))
        {
            return (null, $"An experiment named '{name}' already exists.");
        }
        var plan = await planner.PlanAsync(draft.PrimaryKpi, draft.MinimumEffect, ct);
        var row = new Experiment
        {
            Name = name, Hypothesis = draft.Hypothesis.Trim(), Arms = ArmShares.Format(shares), PrimaryKpi = draft.PrimaryKpi,
            MinimumEffect = draft.MinimumEffect, PlannedSamplePerArm = plan.PerArm, PlannedStart = Utc(draft.PlannedStart), PlannedEnd = Utc(draft.PlannedEnd),
            Status = ExperimentStatus.Draft, CreatedAt = time.GetUtcNow().UtcDateTime, CreatedBy = user,
        };
        db.Experiments.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return (null, $"An experiment named '{name}' already exists.");
        }
        return (Summary(row), null);
    }

    public Task<string?> StartAsync(string name, CancellationToken ct) => ChangeAsync(name, ExperimentStatus.Running, ct);

    public Task<string?> PauseAsync(string name, CancellationToken ct) => ChangeAsync(name, ExperimentStatus.Paused, ct);

    public Task<string?> StopAsync(string name, CancellationToken ct) => ChangeAsync(name, ExperimentStatus.Stopped, ct);

    private async Task<string?> ChangeAsync(string name, ExperimentStatus target, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Experiments.FirstOrDefaultAsync(e => e.Name == name, ct) is not { } row)
        {
            return $"There is no experiment named '{name}'.";
        }
        var problem = (row.Status, target) switch
        {
            (ExperimentStatus.Stopped, _) => $"'{name}' has stopped; a stopped experiment cannot change (create a new one).",
            (ExperimentStatus.Running, ExperimentStatus.Running) => $"'{name}' is already running.",
            (not ExperimentStatus.Running, ExperimentStatus.Paused) => $"'{name}' is not running, so it cannot be paused.",
            _ => null,
        };
        if (problem is not null)
        {
            return problem;
        }
        if (target == ExperimentStatus.Running && await RunningNameAsync(db, ct) is { } other)
        {
            return RunningProblem(other, name);
        }
        var now = time.GetUtcNow().UtcDateTime;
        row.Status = target;
        row.RunningSlot = target == ExperimentStatus.Running ? 1 : null;
        row.StartedAt ??= target == ExperimentStatus.Running ? now : null;
        row.StoppedAt = target == ExperimentStatus.Stopped ? now : null;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance started one between the check above and this save: the unique index refused it.
            return RunningProblem(await RunningNameAsync(db, ct) ?? "Another experiment", name);
        }
        await assignment.ReloadAsync(ct);
        return null;
    }

    private static Task<string?> RunningNameAsync(AppDbContext db, CancellationToken ct) =>
        db.Experiments.AsNoTracking().Where(e => e.Status == ExperimentStatus.Running).Select(e => e.Name).FirstOrDefaultAsync(ct);

    private static string RunningProblem(string running, string name) => $"'{running}' is running; pause or stop it before starting '{name}'.";

    private static DateTime Utc(DateTime value) => value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static ExperimentSummary Summary(Experiment e) => new(e.Id, e.Name, e.Hypothesis, e.Arms, e.PrimaryKpi, e.MinimumEffect, e.PlannedSamplePerArm,
        e.PlannedStart, e.PlannedEnd, e.Status, e.StartedAt, e.StoppedAt, e.CreatedAt, e.CreatedBy);
}
