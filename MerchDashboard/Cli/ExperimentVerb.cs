using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using MerchDashboard.Features;
using MerchDashboard.Features.Experiments;
using MerchDashboard.Features.Serving;

namespace MerchDashboard.Cli;

/// <summary><c>experiment create|start|pause|stop|list|report</c>: experiments on live traffic, scriptable.</summary>
public static class ExperimentVerb
{
    /// <summary>How long an experiment runs when <c>--planned-end</c> is not given.</summary>
    public const int DefaultPlannedDays = 28;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) } };

    public static Command Create()
    {
        var command = new Command("experiment", "Experiments on live traffic: create, start, pause, stop, list, report (the Experiments page's figures as JSON).");
        var name = Verb.Option<string>("--name", "The experiment's name", required: true);
        var arms = Verb.Option<string>("--arms", $"Arms and shares summing to 100, e.g. control=25,cross-sell=25,personalization=25,both=25", required: true);
        var kpi = Verb.Option<string>("--primary-kpi", $"The KPI the sample is sized for: {string.Join(", ", PrimaryKpis.All)}", PrimaryKpis.Aov);
        var hypothesis = Verb.Option<string>("--hypothesis", "What the experiment should show", "");
        var effect = Verb.Option<double>("--minimum-effect", "The relative change of the primary KPI to detect (0.05 = 5%)", 0.05);
        var end = Verb.Option<DateTime?>("--planned-end", $"Planned end, ISO 8601 UTC (default: {DefaultPlannedDays} days from now)");
        command.Subcommands.Add(Verb.Create("create", "Create an experiment (a draft until started).",
            [name, arms, kpi, hypothesis, effect, end, CliHost.ConnectionString, CliHost.DataFolder], async (context, ct) =>
            {
                using var host = await HostAsync(context, ct);
                var now = TimeProvider.System.GetUtcNow().UtcDateTime;
                var draft = new ExperimentDraft(context.Get(name), context.Get(hypothesis), context.Get(arms), context.Get(kpi), context.Get(effect),
                    now, context.Parse.GetValue(end)?.ToUniversalTime() ?? now.AddDays(DefaultPlannedDays));
                var (created, error) = await host.Services.GetRequiredService<ExperimentCommands>().CreateAsync(draft, "command line", ct);
                if (created is null)
                {
                    throw new CliUserException(error!);
                }
                await context.Out.WriteLineAsync(JsonSerializer.Serialize(created, Json));
                var plan = await host.Services.GetRequiredService<ExperimentPlanner>().PlanAsync(created.PrimaryKpi, created.MinimumEffect, ct);
                await context.Error.WriteLineAsync(plan.Sentence);
                return CommandLine.Success;
            }));
        command.Subcommands.Add(Change("start", "Start (or resume) an experiment: shoppers are assigned to arms from now on.", (c, n, ct) => c.StartAsync(n, ct), "started"));
        command.Subcommands.Add(Change("pause", "Pause a running experiment: everyone gets the default strategy until it starts again.", (c, n, ct) => c.PauseAsync(n, ct), "paused"));
        command.Subcommands.Add(Change("stop", "Stop an experiment for good: nothing after now counts.", (c, n, ct) => c.StopAsync(n, ct), "stopped"));
        command.Subcommands.Add(Verb.Create("list", "List experiments, newest first: name, status, arms, primary KPI, planned sample per arm.",
            [CliHost.ConnectionString, CliHost.DataFolder], async (context, ct) =>
            {
                using var host = await HostAsync(context, ct);
                foreach (var e in await host.Services.GetRequiredService<ExperimentCommands>().ListAsync(ct))
                {
                    var planned = e.PlannedSamplePerArm?.ToString(CultureInfo.InvariantCulture) ?? "-";
                    await context.Out.WriteLineAsync($"{e.Name}\t{ExperimentReportBuilder.StatusName(e.Status)}\t{e.Arms}\t{e.PrimaryKpi}\t{planned}\t" +
                        $"{Time(e.StartedAt)}\t{Time(e.StoppedAt)}");
                }
                return CommandLine.Success;
            }));
        var reportName = Verb.Option<string>("--name", "The experiment to report on", required: true);
        command.Subcommands.Add(Verb.Create("report", "Print the Experiments page's figures as JSON.", [reportName, CliHost.ConnectionString, CliHost.DataFolder],
            async (context, ct) =>
            {
                using var host = await HostAsync(context, ct);
                await host.Services.GetRequiredService<StoreSnapshotService>().ReloadAllAsync(ct);
                var (report, error) = await host.Services.GetRequiredService<ExperimentReports>().ReportAsync(context.Get(reportName), ct);
                if (report is null)
                {
                    throw new CliUserException(error!);
                }
                await context.Out.WriteLineAsync(JsonSerializer.Serialize(report, Json));
                return CommandLine.Success;
            }));
        return command;
    }

    private static Command Change(string verb, string description, Func<ExperimentCommands, string, CancellationToken, Task<string?>> change, string done)
    {
        var name = Verb.Option<string>("--name", "The experiment", required: true);
        return Verb.Create(verb, description, [name, CliHost.ConnectionString, CliHost.DataFolder], async (context, ct) =>
        {
            using var host = await HostAsync(context, ct);
            if (await change(host.Services.GetRequiredService<ExperimentCommands>(), context.Get(name), ct) is { } error)
            {
                throw new CliUserException(error);
            }
            await context.Out.WriteLineAsync($"Experiment '{context.Get(name)}' {done}.");
            return CommandLine.Success;
        });
    }

    private static Task<IHost> HostAsync(VerbContext context, CancellationToken ct) =>
        CliHost.BuildMigratedAsync(context, services => services.AddFeatures(), ct);

    private static string Time(DateTime? at) => at?.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture) ?? "-";
}
