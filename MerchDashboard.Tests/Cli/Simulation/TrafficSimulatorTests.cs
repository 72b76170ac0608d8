using System.Globalization;
using System.Text.Json;
using MerchDashboard.Cli;
using MerchDashboard.Cli.Simulation;
using MerchDashboard.Data;
using MerchDashboard.Data.Entities;
using MerchDashboard.Data.Seeding;
using MerchDashboard.Features.Experiments;
using MerchDashboard.Features.Storefront;
using MerchDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MerchDashboard.Tests.Cli.Simulation;

/// <summary>
/// The simulator against the real app on the test host: lists, events and <c>POST /api/v1/orders</c> all reach the
/// app (a pass-through handler keeps copies of the order bodies to check their documented shape).
/// </summary>
[Collection(SharedMerchApp.Name)]
public sealed class TrafficSimulatorTests(MerchAppFixture app)
{
    private static readonly ShopperBehaviour Model = ShopperBehaviour.Build(new SeedSettings());
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_WithDefaultExperiment_OrdersStoredLinkedToExposedShoppersAndReportedPerArmAsSimulated()
    {
        var services = app.Factory.Services;
        var experiments = services.GetRequiredService<ExperimentCommands>();
        (await experiments.ListAsync(Ct)).ShouldNotContain(e => e.Status == ExperimentStatus.Running, "another test left an experiment running");
        var progress = new StringWriter();
        var setup = new SimulationSetup(services.GetRequiredService<ApiKeyService>(), experiments, progress, TimeProvider.System);
        var key = await setup.CreateKeyAsync(Ct);
        var posted = new RecordingOrders();
        using var http = app.Factory.CreateDefaultClient(new Uri("http://localhost/"), posted);
        http.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key);
        var settings = new SimulationSettings { Shoppers = 60, Days = 3, Seed = 11, MaxRequestsPerSecond = 10_000 };
        var output = new StringWriter();

        var exit = await SimulateTrafficVerb.RunAsync(http, Model, settings, new SimulationExperiment(setup, TimeSpan.FromSeconds(30)), output, progress, Ct);

        exit.ShouldBe(CommandLine.Success);
        TestContext.Current.TestOutputHelper?.WriteLine(progress.ToString());
        var summary = JsonSerializer.Deserialize<SimulationSummary>(output.ToString(), WebJson)!;
        summary.Visits.ShouldBeGreaterThan(0);
        summary.UnknownProducts.ShouldBe(0, "every browsed product exists in the demo store");
        summary.Total.Impressions.ShouldBeGreaterThan(summary.Total.Clicks);
        summary.Total.Clicks.ShouldBeGreaterThan(0);
        summary.Total.Orders.ShouldBeGreaterThan(0);
        summary.Arms.Keys.ShouldNotContain("none", "every shopper has an id, so every list comes from an arm");
        progress.ToString().ShouldContain("day 3/3");
        var experiment = (await experiments.ListAsync(Ct)).First(e => e.CreatedBy == "simulate-traffic");
        experiment.Status.ShouldBe(ExperimentStatus.Stopped, "the run stops the experiment it started");
        experiment.Arms.ShouldBe(SimulationSetup.DefaultArms);

        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        var prefix = key[..12];
        var keyId = await db.ApiKeys.Where(k => k.Prefix == prefix).Select(k => k.Id).SingleAsync(Ct);
        var events = await db.StorefrontEvents.Where(e => e.ApiKeyId == keyId && e.VisitorId != "simulate-traffic-probe").ToListAsync(Ct);
        events.Count.ShouldBe(summary.EventsSent);
        events.Count(e => e.Type == StorefrontEventType.Impression).ShouldBe(summary.Total.Impressions);
        events.Count(e => e.Type == StorefrontEventType.Click).ShouldBe(summary.Total.Clicks);
        events.Count(e => e.Type == StorefrontEventType.AddToCart).ShouldBe(summary.Total.AddToCarts);
        events.Where(e => e.Type == StorefrontEventType.Purchase).Sum(e => e.Revenue).ShouldBe(summary.Total.ListRevenue);
        events.ShouldAllBe(e => e.ExperimentId == experiment.Id);

        var sent = posted.Bodies.SelectMany(AssertDocumentedBody).ToList();
        sent.Count.ShouldBe(summary.OrdersSent);
        sent.Count.ShouldBe(summary.Total.Orders);
        var ids = sent.Select(o => o.OrderId).ToList();
        events.Where(e => e.Type == StorefrontEventType.Purchase).ShouldAllBe(e => ids.Contains(e.OrderId!), "purchase events name their order");
        var stored = await db.Orders.Where(o => ids.Contains(o.ExternalId))
            .Select(o => new { o.ExternalId, Shopper = o.Customer!.ExternalId, o.PlacedAt, o.Revenue }).ToListAsync(Ct);
        stored.Count.ShouldBe(sent.Count, "every posted order is in the Orders table");
        stored.Sum(o => o.Revenue).ShouldBe(summary.Total.Revenue);
        var firstImpression = events.Where(e => e.Type == StorefrontEventType.Impression)
            .GroupBy(e => e.CustomerId ?? e.VisitorId!).ToDictionary(g => g.Key, g => g.Min(e => e.At));
        stored.ShouldAllBe(o => firstImpression.ContainsKey(o.Shopper) && firstImpression[o.Shopper] <= o.PlacedAt,
            "each order's shopper was exposed before ordering");

        var (report, error) = await services.GetRequiredService<ExperimentReports>().ReportAsync(experiment.Name, Ct);
        error.ShouldBeNull();
        // Not-linked orders are not asserted: other tests of the shared app post orders for demo customers shortly before.
        foreach (var (arm, tally) in summary.Arms)
        {
            var row = report!.Arms.Single(a => a.Arm == arm);
            (row.Arm, row.Orders, row.Revenue).ShouldBe((arm, (long)tally.Orders, tally.Revenue));
        }
        report!.Arms.Where(a => !summary.Arms.ContainsKey(a.Arm)).ShouldAllBe(a => a.Orders == 0);
    }

    [Fact]
    public async Task Run_KeyWithoutStorefrontScope_Exit2NamingTheRefusal()
    {
        var (created, _) = await app.Factory.Services.GetRequiredService<ApiKeyService>().CreateAsync("simulator ingest only", "tests", [ApiKeyScopes.Ingest], Ct);
        using var http = app.Factory.CreateDefaultClient(new Uri("http://localhost/"));
        http.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, created!.Key);

        var error = await Should.ThrowAsync<CliUserException>(() =>
            SimulateTrafficVerb.RunAsync(http, Model, new SimulationSettings { Shoppers = 300, Days = 2, MaxRequestsPerSecond = 1000 }, null, TextWriter.Null, TextWriter.Null, Ct));

        error.Message.ShouldContain("403");
    }

    [Theory]
    [InlineData("--shoppers", "0")]
    [InlineData("--days", "400")]
    [InlineData("--max-requests-per-second", "0")]
    [InlineData("--url", "ftp://example")]
    public async Task Verb_BadOption_Exit2NamingIt(string option, string value)
    {
        var args = new List<string> { "simulate-traffic", "--url", "http://localhost:1", "--key", "mdk_x" };
        var at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }
        var error = new StringWriter();

        var exit = await CommandLine.RunAsync([.. args], TextWriter.Null, error);

        exit.ShouldBe(CommandLine.BadInput);
        error.ToString().ShouldContain(option);
    }

    private sealed record PostedOrder(string OrderId, string CustomerId, decimal Revenue, IReadOnlyList<string> Skus);

    /// <summary>PRODUCT.md: {"orders":[{"orderId","customerId","orderedAt":"...Z","lines":[{"sku","quantity","unitPrice"}]}]}.</summary>
    private static IEnumerable<PostedOrder> AssertDocumentedBody(string body)
    {
        using var json = JsonDocument.Parse(body);
        json.RootElement.EnumerateObject().Select(p => p.Name).ShouldBe(["orders"]);
        var result = new List<PostedOrder>();
        foreach (var order in json.RootElement.GetProperty("orders").EnumerateArray())
        {
            order.EnumerateObject().Select(p => p.Name).ShouldBe(["orderId", "customerId", "orderedAt", "lines"]);
            var orderedAt = order.GetProperty("orderedAt").GetString()!;
            orderedAt.ShouldEndWith("Z");
            DateTime.Parse(orderedAt, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal).ShouldBeLessThanOrEqualTo(DateTime.UtcNow.AddMinutes(1));
            var lines = order.GetProperty("lines").EnumerateArray().ToList();
            lines.ShouldNotBeEmpty();
            lines.ShouldAllBe(l => l.EnumerateObject().Select(p => p.Name).SequenceEqual(new[] { "sku", "quantity", "unitPrice" }));
            lines.ShouldAllBe(l => l.GetProperty("quantity").ValueKind == JsonValueKind.Number && l.GetProperty("unitPrice").ValueKind == JsonValueKind.Number);
            result.Add(new PostedOrder(order.GetProperty("orderId").GetString()!, order.GetProperty("customerId").GetString()!,
                lines.Sum(l => l.GetProperty("quantity").GetInt32() * l.GetProperty("unitPrice").GetDecimal()),
                [.. lines.Select(l => l.GetProperty("sku").GetString()!)]));
        }
        return result;
    }

    /// <summary>Keeps a copy of each successful POST /api/v1/orders body; every request goes on to the app.</summary>
    private sealed class RecordingOrders : DelegatingHandler
    {
        public List<string> Bodies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var isOrders = request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath == "/api/v1/orders";
            var body = isOrders ? await request.Content!.ReadAsStringAsync(cancellationToken) : null;
            var response = await base.SendAsync(request, cancellationToken);
            if (body is not null && response.IsSuccessStatusCode)
            {
                Bodies.Add(body);
            }
            return response;
        }
    }
}
