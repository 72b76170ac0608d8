using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MerchDashboard.Features.Serving;
using MerchDashboard.Features.Storefront;
using MerchDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MerchDashboard.Tests.Features.Storefront;

[Collection(SharedMerchApp.Name)]
public sealed class CartEndpointsTests(MerchAppFixture app)
{
    private const string Path = "/api/v1/cart/recommendations";
    private StoreSnapshot Snapshot => app.Factory.Services.GetRequiredService<StoreSnapshotService>().Current;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static CartRecommendationRequest Cart(params string[] skus) => new([.. skus.Select(s => new CartLineDto(s, 1))], null, null, 6);

    [Fact]
    public async Task Post_CarAndPhoneCase_TheCartComposersListWithLockedBatteriesFirst()
    {
        var client = await StorefrontClients.NewKeyClientAsync(app.Factory, "cart composer check");
        var customer = Snapshot.CustomerIdsByExternalId.Keys.Order().First(id => Snapshot.PurchasesByCustomer.ContainsKey(Snapshot.CustomerIdsByExternalId[id]));

        foreach (var request in new[] { Cart("RCC-0029", "PCS-0001"), Cart("RCC-0029", "PCS-0001") with { CustomerId = customer, VisitorId = "v-9" } })
        {
            using var response = await client.PostAsJsonAsync(Path, request, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var served = (await response.Content.ReadFromJsonAsync<CartRecommendationsDto>(Ct))!;
            var profile = request.CustomerId is null ? null : RecommendationService.CustomerProfile(Snapshot, request.CustomerId, served.ComposedAt);
            var composed = CartRecommendations.Compose(Snapshot, [Snapshot.ProductBySku("RCC-0029")!.Id, Snapshot.ProductBySku("PCS-0001")!.Id], profile, served.ComposedAt, 6);

            served.Items.Select(i => i.Sku).ShouldBe(composed.Slots.Select(s => s.Product.Sku));
            served.Items.Select(i => i.Personalized).ShouldBe(composed.Slots.Select(s => s.PersonalizationMoved));
            served.RecommendationId.ShouldBe(composed.RecommendationId);
            served.Cart.ShouldBe(["RCC-0029", "PCS-0001"]);
            served.CustomerId.ShouldBe(request.CustomerId);
            served.VisitorId.ShouldBe(request.VisitorId);
            served.Items.Take(2).Select(i => (i.Sku, i.Locked, i.Source, i.Basis)).ShouldBe([("BAT-0014", true, "pinned", "locked"), ("BAT-0007", true, "pinned", "locked")]);
            served.Items[0].Complements.ShouldBe(["RCC-0029"]);
            served.Items.ShouldAllBe(i => i.Sku != "RCC-0029" && i.Sku != "PCS-0001" && !i.Sku.StartsWith("PCS-", StringComparison.Ordinal));
            served.Items.Count.ShouldBe(6);
        }
    }

    [Fact]
    public async Task Post_LaptopCart_WrittenWithTheApisJsonOptions()
    {
        var client = await StorefrontClients.NewKeyClientAsync(app.Factory, "cart json options");
        var laptops = Snapshot.Catalog.Products.Values.Where(p => p.Sku.StartsWith("LAP-", StringComparison.Ordinal)).Select(p => p.Sku).Order().Take(3).ToArray();

        using var response = await client.PostAsJsonAsync(Path, Cart(laptops), Ct);
        var written = await response.Content.ReadAsStringAsync(Ct);
        var options = app.Factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;

        response.StatusCode.ShouldBe(HttpStatusCode.OK, written);
        // The app's settings (its escaping included), as every other answer of the API that is not a kept list.
        written.ShouldBe(JsonSerializer.Serialize(JsonSerializer.Deserialize<CartRecommendationsDto>(written, options), options));
        written.ShouldContain("\\\"", Case.Sensitive, "laptop accessories' names carry inch marks, escaped as the app's settings escape them");
    }

    [Fact]
    public async Task Post_CartItemWithANotedPin_ServesTheReasonWithoutTheMerchandisersNote()
    {
        // The demo store pins LCS-0028 on LAP-0017's list with the note "Premium sleeve that fits this model; better margin".
        var client = await StorefrontClients.NewKeyClientAsync(app.Factory, "cart notes");

        using var response = await client.PostAsJsonAsync(Path, Cart("LAP-0017"), Ct);
        var served = (await response.Content.ReadFromJsonAsync<CartRecommendationsDto>(Ct))!;
        var composed = CartRecommendations.Compose(Snapshot, [Snapshot.ProductBySku("LAP-0017")!.Id], null, served.ComposedAt, 6);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var sleeve = served.Items.Single(i => i.Sku == "LCS-0028");
        sleeve.Explanation.ShouldStartWith("Goes with ");
        served.Items.ShouldAllBe(i => !i.Explanation.Contains("better margin"), "merchandisers' notes are internal: the API never serves them");
        composed.Slots.Single(s => s.Product.Sku == "LCS-0028").Explanation.ShouldContain("better margin", Case.Sensitive, "staff's preview shows the note");
    }

    [Fact]
    public async Task Post_UnknownSkus_400NamingEachOfThem()
    {
        var client = await StorefrontClients.NewKeyClientAsync(app.Factory, "cart unknown");

        using var response = await client.PostAsJsonAsync(Path, Cart("RCC-0029", "NOPE-1", "NOPE-2"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = (await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>(Ct))!;
        problem.Errors.Keys.ShouldBe(["lines[1].sku", "lines[2].sku"], ignoreOrder: true);
        problem.Detail.ShouldBe("Unknown SKUs in the cart: NOPE-1, NOPE-2.");
    }

    public static TheoryData<string, string> OutOfBounds() => new()
    {
        { "no lines", "lines" }, { "too many lines", "lines" }, { "zero quantity", "lines[0].quantity" }, { "huge quantity", "lines[0].quantity" },
        { "missing sku", "lines[0].sku" }, { "limit 0", "limit" }, { "limit 21", "limit" }, { "long customer", "customerId" }, { "long visitor", "visitorId" },
    };

    [Theory]
    [MemberData(nameof(OutOfBounds))]
    public async Task Post_OutOfBounds_400NamingTheField(string what, string field)
    {
        var client = await StorefrontClients.NewKeyClientAsync(app.Factory, $"cart {what}");
        var valid = Cart("RCC-0029");
        var request = what switch
        {
            "no lines" => valid with { Lines = [] },
            "too many lines" => valid with { Lines = [.. Enumerable.Repeat(new CartLineDto("RCC-0029", 1), new CartApiOptions().MaxLines + 1)] },
            "zero quantity" => valid with { Lines = [new CartLineDto("RCC-0029", 0)] },
            "huge quantity" => valid with { Lines = [new CartLineDto("RCC-0029", new CartApiOptions().MaxQuantity + 1)] },
            "missing sku" => valid with { Lines = [new CartLineDto(" ", 1)] },
            "limit 0" => valid with { Limit = 0 },
            "limit 21" => valid with { Limit = 21 },
            "long customer" => valid with { CustomerId = new string('c', 65) },
            _ => valid with { VisitorId = new string('v', 65) },
        };

        using var response = await client.PostAsJsonAsync(Path, request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>(Ct))!.Errors.Keys.ShouldBe([field]);
    }

    [Fact]
    public async Task Post_WithoutKey_401()
    {
        using var client = MerchAppFixture.NewClient(app.Factory);

        using var response = await client.PostAsJsonAsync(Path, Cart("RCC-0029"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Post_NoLimit_TheMiningSettingsListSize()
    {
        var client = await StorefrontClients.NewKeyClientAsync(app.Factory, "cart default limit");

        // Not the locked RC truck: a locked list is final (two items), so its cart would be shorter than the list size.
        using var response = await client.PostAsJsonAsync(Path, Cart("LAP-0001") with { Limit = null }, Ct);

        (await response.Content.ReadFromJsonAsync<CartRecommendationsDto>(Ct))!.Items.Count.ShouldBe(RecommendationService.DefaultSlotsOf(Snapshot));
    }

    [Fact]
    public async Task OpenApi_CartEndpoint_DescribesTheBodyTheListAndTheValidationProblem()
    {
        using var document = JsonDocument.Parse(await app.Anonymous().GetStringAsync("/openapi/v1.json", Ct));

        var operation = document.RootElement.GetProperty("paths").GetProperty(Path).GetProperty("post");
        operation.TryGetProperty("requestBody", out _).ShouldBeTrue();
        var responses = operation.GetProperty("responses");
        responses.TryGetProperty("200", out _).ShouldBeTrue();
        responses.TryGetProperty("400", out _).ShouldBeTrue();
    }
}
