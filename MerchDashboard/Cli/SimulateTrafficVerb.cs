using System.CommandLine;
using System.Text.Json;
using MerchDashboard.Cli.Simulation;
using MerchDashboard.Data.Seeding;
using MerchDashboard.Features;
using MerchDashboard.Features.Experiments;
using MerchDashboard.Features.Storefront;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Cli;

/// <summary>
/// <c>simulate-traffic</c>: demo customers and new visitors against a running app's storefront API (lists, events,
/// orders), following the demo store's behaviour model. Progress on stderr, a JSON summary on stdout; Ctrl+C stops
/// it after the request in flight and still prints the summary of what was played (exit code 130).
/// </summary>
public static class SimulateTrafficVerb
{
    public static Command Create()
    {
        var defaults = new SimulationSettings();
        var url = Verb.Option<string>("--url", "The running app's address, e.g. http://localhost:5093", required: true);
        var key = Verb.Option<string?>("--key", "An API key with the storefront and ingest scopes (lists and events; orders). Without it the command " +
            "uses the app's database (as the other verbs find it): creates a key, starts a default experiment of the four strategies when none runs, and stops it at the end");
        var shoppers = Verb.Option("--shoppers", $"Shoppers to play (1 to {SimulationSettings.MaxShoppers:N0})", defaults.Shoppers);
        var days = Verb.Option("--days", $"Days to play, compressed into the run (1 to {SimulationSettings.MaxDays})", defaults.Days);
        var seed = Verb.Option("--seed", "Seed of the shoppers' choices: the same seed plays the same shoppers", defaults.Seed);
        var newVisitors = Verb.Option("--new-visitor-share", "Share of shoppers who are new visitors (visitor id, no customer id)", defaults.NewVisitorShare);
        var listLength = Verb.Option("--list-length", "Items asked for in each list", defaults.ListLength);
        var rate = Verb.Option("--max-requests-per-second", "Most requests a second; keep it under the key's StorefrontApi:PermitLimit per window", defaults.MaxRequestsPerSecond);
        var storeSeed = Verb.Option("--store-seed", "Seed the demo store was generated with (generate-seed --seed)", SeedSettings.DefaultSeed);
        return Verb.Create("simulate-traffic", "Play demo shoppers against the storefront API: lists, impressions, clicks, carts and orders.",
            [url, key, shoppers, days, seed, newVisitors, listLength, rate, storeSeed, CliHost.ConnectionString, CliHost.DataFolder], async (context, ct) =>
            {
                var settings = new SimulationSettings
                {
                    Shoppers = context.Get(shoppers), Days = context.Get(days), Seed = context.Get(seed), NewVisitorShare = context.Get(newVisitors),
                    ListLength = context.Get(listLength), MaxRequestsPerSecond = context.Get(rate),
                };
                if (settings.Validate() is [var first, ..])
                {
                    throw new CliUserException(first);
                }
                if (!Uri.TryCreate(context.Get(url), UriKind.Absolute, out var baseUri) || (baseUri.Scheme != Uri.UriSchemeHttp && baseUri.Scheme != Uri.UriSchemeHttps))
                {
                    throw new CliUserException($"--url: '{context.Get(url)}' is not an http or https address.");
                }
                var model = ShopperBehaviour.Build(new SeedSettings { Seed = context.Get(storeSeed) });
                using var http = new HttpClient { BaseAddress = new Uri(baseUri.ToString().TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(100) };
                using var host = context.Parse.GetValue(key) is null ? await DatabaseHostAsync(context, ct) : null;
                var setup = host is null ? null : new SimulationSetup(host.Services.GetRequiredService<ApiKeyService>(),
                    host.Services.GetRequiredService<ExperimentCommands>(), context.Error, TimeProvider.System);
                try
                {
                    var apiKey = context.Parse.GetValue(key) ?? await setup!.CreateKeyAsync(ct);
                    http.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, apiKey);
                }
                catch (SimulationRefusedException ex)
                {
                    throw new CliUserException(ex.Message);
                }
                var patience = host is null ? TimeSpan.Zero : ServePatience(host.Services.GetRequiredService<IOptions<ExperimentOptions>>().Value);
                return await RunAsync(http, model, settings, setup is null ? null : new SimulationExperiment(setup, patience), context.Out, context.Error, ct);
            });
    }

    /// <summary>Runs the simulation and prints its summary; shared with the tests, which pass a client of the test host.</summary>
    /// <remarks>With <paramref name="experiment"/>, a default experiment is started when none runs and stopped at the end (also after Ctrl+C).</remarks>
    public static async Task<int> RunAsync(HttpClient http, ShopperBehaviour model, SimulationSettings settings, SimulationExperiment? experiment,
        TextWriter output, TextWriter progress, CancellationToken ct)
    {
        using var client = new StorefrontTrafficClient(http, settings, TimeProvider.System);
        var simulator = new TrafficSimulator(client, model, settings, progress, TimeProvider.System);
        var url = http.BaseAddress?.ToString() ?? "";
        SimulationSummary summary;
        var exit = CommandLine.Success;
        ExperimentSummary? started = null;
        try
        {
            if (experiment is not null && (started = await experiment.Setup.StartDefaultExperimentAsync(settings.Days, ct)) is not null)
            {
                var probeSku = model.Browse(new Random(settings.Seed), model.Customers[0]).Sku;
                await experiment.Setup.WaitUntilServedAsync(client, started, probeSku, experiment.ServePatience, ct);
            }
            summary = await simulator.RunAsync(url, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            summary = simulator.Summary(url, cancelled: true);
            exit = CommandLine.Cancelled;
        }
        catch (SimulationRefusedException ex)
        {
            throw new CliUserException(ex.Message);
        }
        catch (HttpRequestException ex)
        {
            throw new CliUserException($"--url: the app at {url} cannot be reached ({ex.Message}).");
        }
        finally
        {
            if (started is not null)
            {
                await experiment!.Setup.StopAsync(started, CancellationToken.None);
            }
        }
        await output.WriteLineAsync(JsonSerializer.Serialize(summary, Json));
        return exit;
    }

    /// <summary>How long to wait for the app to serve an experiment this command started: two of its refresh periods and a margin.</summary>
    private static TimeSpan ServePatience(ExperimentOptions options) => TimeSpan.FromSeconds(2 * options.RefreshSeconds + 10);

    private static Task<IHost> DatabaseHostAsync(VerbContext context, CancellationToken ct) =>
        CliHost.BuildMigratedAsync(context, services =>
        {
            services.AddFeatures();
            CliHost.AddApiKeys(services);
        }, ct);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
