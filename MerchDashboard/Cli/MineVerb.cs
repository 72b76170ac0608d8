using System.CommandLine;
using MerchDashboard.Features;
using MerchDashboard.Features.Mining;

namespace MerchDashboard.Cli;

/// <summary><c>mine</c>: recompute the suggestions in the configured database (the same job as the app's).</summary>
public static class MineVerb
{
    public static Command Create() => Verb.Create("mine",
        "Recompute the frequently-bought-with suggestions and bundles in the configured database, with the saved mining settings.",
        [CliHost.ConnectionString, CliHost.DataFolder],
        async (context, ct) =>
        {
            using var host = await CliHost.BuildMigratedAsync(context, services => services.AddMining(), ct);
            var job = host.Services.GetRequiredService<MiningJob>();
            var progress = new ConsoleProgress<MiningStatus>(context.Error, s => $"{s.Stage}: {s.Progress:P0}");
            job.StatusChanged += progress.Report;
            var outcome = await job.RunAsync("command line", ct);
            progress.Done();
            if (!outcome.Succeeded)
            {
                await context.Error.WriteLineAsync(outcome.Message);
                return outcome.Message.StartsWith("Cancelled", StringComparison.Ordinal) ? CommandLine.Cancelled : 1;
            }
            await context.Out.WriteLineAsync(outcome.Message);
            return CommandLine.Success;
        });
}
