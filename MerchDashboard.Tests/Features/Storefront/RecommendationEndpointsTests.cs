using System.Net;
using System.Net.Http.Json;
using MerchDashboard.Features.Curation;
using MerchDashboard.Features.Serving;
using MerchDashboard.Features.Storefront;
using MerchDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace MerchDashboard.Tests.Features.Storefront;

[Collection(SharedMerchApp.Name)]
public sealed class RecommendationEndpointsTests(MerchAppFixture app)
{
    private StoreSnapshot Snapshot => app.Factory.Services.GetRequiredService<StoreSnapshotService>().Current;
    private RecommendationService Recommendations => app.Factory.Services.GetRequiredService<RecommendationService>();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FrequentlyBoughtWith_ManyAnchorsAndShoppers_EqualsTheComposersList()
    {
        var client = await StorefrontClients.NewKeyClientAsync(app.Factory, "composer check");
        var anchors = Snapshot.Mined.Where(m => m.Value.Count > 0).Select(m => m.Key).Order().Take(12).ToList();
        var curated = Snapshot.Curation.Keys.Where(id => Snapshot.Product(id) is not null).Order().Take(4);
        string?[] shoppers = [null, .. CustomersWithHistory(2)];
        var modes = new HashSet<string>();

        foreach (var anchorId in anchors.Concat(curated))
        {
            foreach (var customer in shoppers)
            {
                var served = await GetListAsync(client, Snapshot.Product(anchorId)!.Sku, customer, limit: 5);
                var profile = customer is null ? null : Recommendations.CustomerProfile(customer, served.ComposedAt);
                var composed = Recommendations.Compose(anchorId, profile, served.ComposedAt, slots: 5);

                served.Items.Select(i => i.Sku).ShouldBe(composed.Slots.Select(s => s.Product.Sku));
                served.Items.Select(i => i.Source).ShouldBe(composed.Slots.Select(s => s.Source.ToString().ToLowerInvariant()));
                served.Items.Select(i => i.Personalized).ShouldBe(composed.Slots.Select(s => s.PersonalizationMoved));
                served.Items.Select(i => i.Slot).ShouldBe(Enumerable.Range(1, composed.Slots.Count));
                served.Mode.ShouldBe(RecommendationEndpoints.ModeName(composed.Mode));
                served.RecommendationId.ShouldBe(composed.RecommendationId);
                modes.Add(served.Mode);
            }
        }
        modes.Count.ShouldBeGreaterThan(1, "the demo store's curated lists put more than one mode in the sample");
    }

    [Fact]
    public async Task FrequentlyBoughtWith_RepeatedRequest_SameListComposedAtTheSnapshotsServedInstant()
    {
        var client = await StorefrontClients.NewKeyClientAsync(app.Factory, "cache check");
        var sku = Snapshot.Product(Snapshot.Mined.Keys.Min())!.Sku;
        var customer = CustomersWithHistory(1)[0];

        var first = await GetListAsync(client, sku, customer, limit: 6);
        var second = await GetListAsync(client, sku, customer, limit: 6);

        first.ComposedAt.ShouldBe(ServingTimeline.Of(Snapshot).At(DateTime.UtcNow).AsOf);
        first.ComposedAt.ShouldBeGreaterThanOrEqualTo(Snapshot.LoadedAt);
        second.ComposedAt.ShouldBe(first.ComposedAt);
        second.RecommendationId.ShouldBe(first.RecommendationId);
        second.Items.Select(i => i.Sku).ShouldBe(first.Items.Select(i => i.Sku));
    }

    [Fact]
    public async Task FrequentlyBoughtWith_ListLockedThroughCuration_ServesTheLockedListToEveryShopper()
    {
        var client = await StorefrontClients.NewKeyClientAsync(app.Factory, "lock check");
        var anchorId = Snapshot.Mined.Where(m => m.Value.Count >= 4 && !Snapshot.Curation.ContainsKey(m.Key)).Select(m => m.Key).Max();
        var sku = Snapshot.Product(anchorId)!.Sku;
        var before = await GetListAsync(client, sku, customer: null, limit: 4);
        var lockedIds = before.Items.Select(i => Snapshot.ProductIdsBySku[i.Sku]).Reverse().ToList();
        var commands = app.Factory.Services.GetRequiredService<CurationCommands>();

        var result = await commands.ApplyAsync(anchorId, (await commands.GetAsync(anchorId, Ct)).Version,
            new CurationChange.LockList(FrozenSlots.Of(lockedIds), TopN: null), "merch", Ct);
        result.Succeeded.ShouldBeTrue(result.Error);
        await WaitForServedVersionAsync(anchorId, result.Current.Version);
        var customers = CustomersWithHistory(2);
        var first = await GetListAsync(client, sku, customers[0], limit: 4);
        var second = await GetListAsync(client, sku, customers[1], limit: 4);

        first.Mode.ShouldBe("locked");
        first.Items.Select(i => i.Sku).ShouldBe(lockedIds.Select(id => Snapshot.Product(id)!.Sku));
        first.LockedSlots.ShouldBe(4);
        first.Items.ShouldAllBe(i => i.Locked);
        before.LockedSlots.ShouldBe(0);
        before.Items.ShouldAllBe(i => !i.Locked);
        first.Items.ShouldAllBe(i => i.Source == "pinned" && !i.Personalized);
        second.Items.Select(i => i.Sku).ShouldBe(first.Items.Select(i => i.Sku));
        second.Mode.ShouldBe("locked");
    }

    [Theory]
    [InlineData("/api/v1/products/NO-SUCH-SKU/frequently-bought-with")]
    [InlineData("/api/v1/products/NO-SUCH-SKU/bundle")]
    public async Task Get_UnknownSku_404ProblemNamingTheSku(string path)
    {
        var client = await StorefrontClients.NewKeyClientAsync(app.Factory, $"unknown sku {path.Length}{path[^3..]}");

        using var response = await client.GetAsync(path, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadFromJsonAsync<ProblemDetails>(Ct))!.Detail!.ShouldContain("'NO-SUCH-SKU'");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    [InlineData(-3)]
    public async Task Get_LimitOutOfRange_400ValidationProblemOnLimit(int limit)
    {
        var client = await StorefrontClients.NewKeyClientAsync(app.Factory, $"limit {limit}");
        var sku = Snapshot.ProductIdsBySku.Keys.Order().First();

        foreach (var path in new[] { $"/api/v1/products/{sku}/frequently-bought-with?limit={limit}", $"/api/v1/customers/anyone/recommendations?limit={limit}" })
        {
            using var response = await client.GetAsync(path, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>(Ct))!.Errors.Keys.ShouldBe(["limit"]);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    public async Task Get_LimitAtTheBounds_ServesAtMostThatMany(int limit)
    {
        var client = await StorefrontClients.NewKeyClientAsync(app.Factory, $"bounds {limit}");
        var sku = Snapshot.Product(Snapshot.Mined.Where(m => m.Value.Count > 0).Select(m => m.Key).Min())!.Sku;

        var list = await GetListAsync(client, sku, customer: null, limit);

        list.Items.Count.ShouldBeInRange(1, limit);
    }

    private static async Task<FrequentlyBoughtWithDto> GetListAsync(HttpClient client, string sku, string? customer, int limit)
    {
        var query = customer is null ? $"?limit={limit}" : $"?customerId={Uri.EscapeDataString(customer)}&limit={limit}";
        using var response = await client.GetAsync($"/api/v1/products/{Uri.EscapeDataString(sku)}/frequently-bought-with{query}", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<FrequentlyBoughtWithDto>(Ct))!;
    }

    private List<string> CustomersWithHistory(int count) => Snapshot.CustomerIdsByExternalId
        .Where(c => Snapshot.PurchasesByCustomer.TryGetValue(c.Value, out var p) && p.Count >= 3)
        .Select(c => c.Key).Order(StringComparer.Ordinal).Take(count).ToList();

    private async Task WaitForServedVersionAsync(int anchorId, int version)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Snapshot.CurationFor(anchorId).Version < version)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the snapshot reloads curation after a change");
            await Task.Delay(20, Ct);
        }
    }
}
