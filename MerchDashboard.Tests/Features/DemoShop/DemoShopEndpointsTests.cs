using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using MerchDashboard.Features.DemoShop;
using MerchDashboard.Features.Storefront;
using MerchDashboard.Tests.Features.Storefront;
using MerchDashboard.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace MerchDashboard.Tests.Features.DemoShop;

[Collection(SharedMerchApp.Name)]
public sealed partial class DemoShopEndpointsTests(MerchAppFixture app)
{
    private const string Laptop = "LAP-0001";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_DemoProduct_PageWithWidgetAndAPublishableKeyForItsOwnOrigin()
    {
        using var response = await app.Anonymous().GetAsync($"/demo-shop/{Laptop}", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, "no sign-in needed");
        var html = await response.Content.ReadAsStringAsync(Ct);
        html.ShouldContain("<h1>Arclight Air 13&quot; Laptop, i7, 32GB, 1TB SSD</h1>", Case.Sensitive, "product text is encoded");
        html.ShouldContain("/widget/frequently-bought-with.js");
        var key = WidgetKey().Match(html).Groups["key"].Value;
        var info = await app.Factory.Services.GetRequiredService<ApiKeyService>().ValidateAsync(key, Ct);
        info.ShouldNotBeNull("the page embeds an active key");
        info.Scopes.ShouldBe([ApiKeyScopes.Publishable]);
        info.AllowedOrigins.ShouldContain("http://localhost");
        html.ShouldNotContain("data-testid=\"demo-origin-warning\"");
    }

    [Fact]
    public async Task Get_TwiceAndTheEventsEndpoint_SameKeyAndItsCount()
    {
        var first = WidgetKey().Match(await app.Anonymous().GetStringAsync($"/demo-shop/{Laptop}", Ct)).Groups["key"].Value;
        var second = WidgetKey().Match(await app.Anonymous().GetStringAsync("/demo-shop/RCC-0001", Ct)).Groups["key"].Value;

        second.ShouldBe(first, "the app keeps one key for its demo shop");
        var received = await app.Anonymous().GetFromJsonAsync<EventsReceived>("/demo-shop/events-received", Ct);
        received.ShouldNotBeNull();
        received.Count.ShouldBeGreaterThanOrEqualTo(received.Latest.Count);
    }

    [Fact]
    public async Task WidgetKey_PostsEventsFromTheShopsOrigin_CountedOnThePage()
    {
        var key = WidgetKey().Match(await app.Anonymous().GetStringAsync($"/demo-shop/{Laptop}", Ct)).Groups["key"].Value;
        var before = (await app.Anonymous().GetFromJsonAsync<EventsReceived>("/demo-shop/events-received", Ct))!.Count;
        var client = StorefrontClients.WithKey(app.Factory, key);
        var list = await (await client.SendAsync(PublishableKeyTests.Get($"/api/v1/products/{Laptop}/frequently-bought-with?visitorId=v-demo", "http://localhost"), Ct))
            .Content.ReadFromJsonAsync<FrequentlyBoughtWithDto>(Ct);
        var slot = list!.Items[0];
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events")
        {
            Content = JsonContent.Create(new StorefrontEventBatch([new("click", list.RecommendationId, slot.Sku, Laptop, slot.Slot, slot.Source, null, null, null, null)])),
        };
        request.Headers.Add("Origin", "http://localhost");

        (await client.SendAsync(request, Ct)).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        var after = (await app.Anonymous().GetFromJsonAsync<EventsReceived>("/demo-shop/events-received", Ct))!;
        after.Count.ShouldBe(before + 1);
        after.Latest[0].ShouldBe(after.Latest[0] with { Type = "click", Sku = slot.Sku, Slot = slot.Slot });
    }

    [Fact]
    public async Task Get_AfterAnAdministratorRevokedTheDemoKey_ANewValidKey()
    {
        var keys = app.Factory.Services.GetRequiredService<ApiKeyService>();
        var old = WidgetKey().Match(await app.Anonymous().GetStringAsync($"/demo-shop/{Laptop}", Ct)).Groups["key"].Value;
        (await keys.RevokeAsync((await keys.ValidateAsync(old, Ct))!.Name, Ct)).ShouldBeNull();

        var replaced = WidgetKey().Match(await app.Anonymous().GetStringAsync($"/demo-shop/{Laptop}", Ct)).Groups["key"].Value;

        replaced.ShouldNotBe(old);
        (await keys.ValidateAsync(replaced, Ct)).ShouldNotBeNull();
    }

    [Theory]
    [InlineData("/demo-shop/NO-SUCH-SKU")]
    [InlineData("/demo-shop/images/NO-SUCH-SKU.svg")]
    public async Task Get_UnknownProduct_404(string path)
    {
        using var response = await app.Anonymous().GetAsync(path, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_Landing_RedirectsToABestSeller()
    {
        using var response = await app.Anonymous().GetAsync("/demo-shop", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldStartWith("/demo-shop/");
    }

    [GeneratedRegex(@"<merch-frequently-bought-with[^>]* key=""(?<key>mdk_[^""]+)""")]
    private static partial Regex WidgetKey();
}

/// <summary>Without the demo store the demo shop does not exist.</summary>
public sealed class DemoShopWithoutDemoStoreTests(PublishableLimitedApp app) : IClassFixture<PublishableLimitedApp>
{
    [Theory]
    [InlineData("/demo-shop")]
    [InlineData("/demo-shop/LAP-0001")]
    [InlineData("/demo-shop/events-received")]
    public async Task Get_NoDemoStore_404(string path)
    {
        using var response = await MerchAppFixture.NewClient(app.Factory).GetAsync(path, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
