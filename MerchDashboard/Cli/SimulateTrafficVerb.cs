using System.CommandLine;
using System.Text.Json;
using MerchDashboard.Cli.Simulation;
using MerchDashboard.Data.Seeding;
using MerchDashboard.Features.Storefront;

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
        var key = Verb.Option<string>("--key", "An API key with the storefront and ingest scopes (lists and events; orders)", required: true);
        var shoppers = Verb.Option("--shoppers", $"Shoppers to play (1 to {SimulationSettings.MaxShoppers:N0})", defaults.Shoppers);
        var days = Verb.Option("--days", $"Days to play, compressed into the run (1 to {SimulationSettings.MaxDays})", defaults.Days);
        var seed = Verb.Option("--seed", "Seed of the shoppers' choices: the same seed plays the same shoppers", defaults.Seed);
        var newVisitors = Verb.Option("--new-visitor-share", "Share of shoppers who are new visitors (visitor id, no customer id)", defaults.NewVisitorShare);
        var listLength = Verb.Option("--list-length", "Items asked for in each list", defaults.ListLength);
        var rate = Verb.Option("--max-requests-per-second", "Most requests a second; keep it under the key's StorefrontApi:PermitLimit per window", defaults.MaxRequestsPerSecond);
        var storeSeed = Verb.Option("--store-seed", "Seed the demo store was generated with (generate-seed --seed)", SeedSettings.DefaultSeed);
        return Verb.Create("simulate-traffic", "Play demo shoppers against the storefront API: lists, impressions, clicks, carts and orders.",
            [url, key, shoppers, days, seed, newVisitors, listLength, rate, storeSeed], async (context, ct) =>
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
                http.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, context.Get(key));
                return await RunAsync(http, model, settings, context.Out, context.Error, ct);
            });
    }

    /// <summary>Runs the simulation and prints its summary; shared with the tests, which pass a client of the test host.</summary>
    public static async Task<int> RunAsync(
        HttpClient http, ShopperBehaviour model, SimulationSettings settings, TextWriter output, TextWriter progress, CancellationToken ct)
    {
        using var client = new StorefrontTrafficClient(http, settings, TimeProvider.System);
        var simulator = new TrafficSimulator(client, model, settings, progress, TimeProvider.System);
        var url = http.BaseAddress?.ToString() ?? "";
        SimulationSummary summary;
        var exit = CommandLine.Success;
        try
        {
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
        await output.WriteLineAsync(JsonSerializer.Serialize(summary, Json));
        return exit;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
