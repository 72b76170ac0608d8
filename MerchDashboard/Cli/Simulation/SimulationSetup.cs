using System.Globalization;
using MerchDashboard.Features.Experiments;
using MerchDashboard.Features.Storefront;

namespace MerchDashboard.Cli.Simulation;

/// <summary>
/// What <c>simulate-traffic</c> prepares through the app's own database when no <c>--key</c> is given, so that one
/// command turns a fresh demo store into a finished experiment: a storefront+ingest key, a default experiment of the
/// four strategies started when none runs, and (after the days are played) that experiment stopped. An experiment
/// that was already running is played into and left running: it is someone else's.
/// </summary>
public sealed class SimulationSetup(ApiKeyService keys, ExperimentCommands experiments, TextWriter progress, TimeProvider time)
{
    /// <summary>The four strategies of PRODUCT.md, a quarter of the shoppers each.</summary>
    public const string DefaultArms = "control=25,cross-sell=25,personalization=25,both=25";

    /// <summary>
    /// The relative change in AOV the default experiment is sized for. A simulated fortnight of a few hundred shoppers
    /// gives tens of orders per arm: enough to size for a large effect, far from enough for the page's default 5%.
    /// </summary>
    public const double DefaultMinimumEffect = 0.5;

    public async Task<string> CreateKeyAsync(CancellationToken ct)
    {
        var name = "simulator-" + Stamp();
        var (created, error) = await keys.CreateAsync(name, "simulate-traffic", [ApiKeyScopes.Storefront, ApiKeyScopes.Ingest], [], ct);
        if (created is null)
        {
            throw new SimulationRefusedException($"Creating the simulator's API key failed: {error}");
        }
        await progress.WriteLineAsync($"Created API key '{name}' (storefront, ingest) in the app's database.");
        return created.Key;
    }

    /// <summary>Starts a default experiment unless one runs; returns the one created (to stop later), or null.</summary>
    public async Task<ExperimentSummary?> StartDefaultExperimentAsync(int days, CancellationToken ct)
    {
        var all = await experiments.ListAsync(ct);
        if (all.FirstOrDefault(e => e.Status == Data.Entities.ExperimentStatus.Running) is { } running)
        {
            await progress.WriteLineAsync($"Experiment '{running.Name}' is running: its shoppers are played, and it is left running.");
            return null;
        }
        var now = time.GetUtcNow().UtcDateTime;
        var draft = new ExperimentDraft("simulated-" + Stamp(), "Simulated shoppers: do complements, personalization or both raise AOV over best sellers?",
            DefaultArms, PrimaryKpis.Aov, DefaultMinimumEffect, now, now.AddDays(days));
        var (created, error) = await experiments.CreateAsync(draft, "simulate-traffic", ct);
        error ??= created is null ? null : await experiments.StartAsync(created.Name, ct);
        if (created is null || error is not null)
        {
            throw new SimulationRefusedException($"Starting the default experiment failed: {error}");
        }
        await progress.WriteLineAsync($"Created and started experiment '{created.Name}' ({DefaultArms}).");
        // Events and orders carry whole seconds: play from the first whole second after the start, or the first ones would precede it.
        if ((await experiments.FindAsync(created.Name, ct))?.StartedAt is { } startedAt)
        {
            var firstWholeSecond = new DateTime(startedAt.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond + TimeSpan.TicksPerSecond, DateTimeKind.Utc);
            var wait = firstWholeSecond - time.GetUtcNow().UtcDateTime;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, ct);
            }
        }
        return created;
    }

    /// <summary>
    /// Waits until the app serves <paramref name="experiment"/> (another process started it: the app picks it up within
    /// its <c>Experiments:RefreshSeconds</c>), probing one list for a visitor who posts no events, at most <paramref name="patience"/>.
    /// </summary>
    public async Task WaitUntilServedAsync(StorefrontTrafficClient client, ExperimentSummary experiment, string probeSku, TimeSpan patience, CancellationToken ct)
    {
        var deadline = time.GetUtcNow() + patience;
        while (true)
        {
            var list = await client.ListAsync(probeSku, customerId: null, visitorId: "simulate-traffic-probe", ct);
            if (list?.Experiment == experiment.Name)
            {
                await progress.WriteLineAsync($"The app at {client.BaseAddress} serves experiment '{experiment.Name}'.");
                return;
            }
            if (time.GetUtcNow() >= deadline)
            {
                throw new SimulationRefusedException($"The app at {client.BaseAddress} did not serve experiment '{experiment.Name}' within " +
                    $"{patience.TotalSeconds:N0} s: is it using the same database as this command (--connection-string, --data-folder)?");
            }
            await Task.Delay(TimeSpan.FromSeconds(1), time, ct);
        }
    }

    /// <summary>Stops the experiment this run started; a failure is reported on the progress writer (the run's own outcome stands).</summary>
    public async Task StopAsync(ExperimentSummary experiment, CancellationToken ct)
    {
        var error = await experiments.StopAsync(experiment.Name, ct);
        await progress.WriteLineAsync(error is null
            ? $"Stopped experiment '{experiment.Name}': its report is on the Experiments page (/experiments)."
            : $"Stopping experiment '{experiment.Name}' failed: {error}");
    }

    private string Stamp() => time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
}

/// <summary>The run manages a default experiment through <see cref="Setup"/>, waiting at most <see cref="ServePatience"/> for the app to serve it.</summary>
public sealed record SimulationExperiment(SimulationSetup Setup, TimeSpan ServePatience);
