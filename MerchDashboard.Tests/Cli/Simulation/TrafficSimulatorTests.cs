using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using MerchDashboard.Cli;
using MerchDashboard.Cli.Simulation;
using MerchDashboard.Data;
using MerchDashboard.Data.Entities;
using MerchDashboard.Data.Seeding;
using MerchDashboard.Features.Serving;
using MerchDashboard.Features.Storefront;
using MerchDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MerchDashboard.Tests.Cli.Simulation;

/// <summary>
/// The simulator against the real app on the test host. This branch has no <c>POST /api/v1/orders</c> yet, so a
/// recording handler answers that one call (as PRODUCT.md describes the answer) and keeps the bodies; lists and
/// events go to the app.
/// </summary>
[Collection(SharedMerchApp.Name)]
public sealed class TrafficSimulatorTests(MerchAppFixture app)
{
    private static readonly ShopperBehaviour Model = ShopperBehaviour.Build(new SeedSettings());
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_DemoStore_EventsStoredForTheKeyAndOrdersPostedInTheDocumentedBody()
    {
        var (created, _) = await app.Factory.Services.GetRequiredService<ApiKeyService>()
            .CreateAsync("simulator", "tests", [ApiKeyScopes.Storefront, ApiKeyScopes.Ingest], Ct);
        var orders = new RecordingOrders();
        using var http = app.Factory.CreateDefaultClient(new Uri("http://localhost/"), orders);
        http.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, created!.Key);
        var settings = new SimulationSettings { Shoppers = 60, Days = 3, Seed = 11, MaxRequestsPerSecond = 10_000 };
        var output = new StringWriter();
        var progress = new StringWriter();

        var exit = await SimulateTrafficVerb.RunAsync(http, Model, settings, output, progress, Ct);

        exit.ShouldBe(CommandLine.Success);
        TestContext.Current.TestOutputHelper?.WriteLine(output.ToString());
        var summary = JsonSerializer.Deserialize<SimulationSummary>(output.ToString(), WebJson)!;
        summary.Visits.ShouldBeGreaterThan(0);
        summary.UnknownProducts.ShouldBe(0, "every browsed product exists in the demo store");
        summary.Total.Impressions.ShouldBeGreaterThan(summary.Total.Clicks);
        summary.Total.Clicks.ShouldBeGreaterThan(0);
        progress.ToString().ShouldContain("day 3/3");

        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        var stored = await db.StorefrontEvents.Where(e => e.ApiKeyId == created.Info.Id).ToListAsync(Ct);
        stored.Count.ShouldBe(summary.EventsSent);
        stored.Count(e => e.Type == StorefrontEventType.Impression).ShouldBe(summary.Total.Impressions);
        stored.Count(e => e.Type == StorefrontEventType.Click).ShouldBe(summary.Total.Clicks);
        stored.Count(e => e.Type == StorefrontEventType.AddToCart).ShouldBe(summary.Total.AddToCarts);
        stored.Where(e => e.Type == StorefrontEventType.Purchase).Sum(e => e.Revenue).ShouldBe(summary.Total.ListRevenue);

        orders.Bodies.Count.ShouldBeGreaterThan(0);
        var posted = orders.Bodies.SelectMany(AssertDocumentedBody).ToList();
        posted.Count.ShouldBe(summary.OrdersSent);
        posted.Count.ShouldBe(summary.Total.Orders);
        posted.Select(o => o.OrderId).Distinct().Count().ShouldBe(posted.Count, "order ids are unique");
        posted.Sum(o => o.Revenue).ShouldBe(summary.Total.Revenue);
        var snapshot = app.Factory.Services.GetRequiredService<StoreSnapshotService>().Current;
        posted.SelectMany(o => o.Skus).ShouldAllBe(sku => snapshot.ProductBySku(sku) != null);
        posted.ShouldAllBe(o => o.CustomerId.StartsWith('C') || o.CustomerId.StartsWith("sim-11-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_KeyWithoutStorefrontScope_Exit2NamingTheRefusal()
    {
        var (created, _) = await app.Factory.Services.GetRequiredService<ApiKeyService>().CreateAsync("simulator ingest only", "tests", [ApiKeyScopes.Ingest], Ct);
        using var http = app.Factory.CreateDefaultClient(new Uri("http://localhost/"));
        http.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, created!.Key);

        var error = await Should.ThrowAsync<CliUserException>(() =>
            SimulateTrafficVerb.RunAsync(http, Model, new SimulationSettings { Shoppers = 300, Days = 2, MaxRequestsPerSecond = 1000 }, TextWriter.Null, TextWriter.Null, Ct));

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

    /// <summary>Answers POST /api/v1/orders itself and keeps the bodies; every other request goes to the app.</summary>
    private sealed class RecordingOrders : DelegatingHandler
    {
        public List<string> Bodies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method != HttpMethod.Post || request.RequestUri!.AbsolutePath != "/api/v1/orders")
            {
                return await base.SendAsync(request, cancellationToken);
            }
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            Bodies.Add(body);
            var count = JsonDocument.Parse(body).RootElement.GetProperty("orders").GetArrayLength();
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent($$"""{"stored":{{count}},"alreadyPresent":0}""", Encoding.UTF8, "application/json"),
            };
        }
    }
}
