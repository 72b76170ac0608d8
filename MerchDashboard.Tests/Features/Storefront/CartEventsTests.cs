using System.Net;
using System.Net.Http.Json;
using MerchDashboard.Data;
using MerchDashboard.Data.Entities;
using MerchDashboard.Features.Storefront;
using MerchDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MerchDashboard.Tests.Features.Storefront;

[Collection(SharedMerchApp.Name)]
public sealed class CartEventsTests(MerchAppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StorefrontEventDto Event(string id, string? placement) =>
        new("impression", id, "BAT-0014", null, 1, "pinned", null, null, null, null, placement);

    [Fact]
    public async Task Post_PlacementCartOrNone_StoredAsCartOrProduct()
    {
        var client = await StorefrontClients.NewKeyClientAsync(app.Factory, "cart events");
        var id = Guid.NewGuid().ToString("N")[..16];

        using var response = await client.PostAsJsonAsync("/api/v1/events", new StorefrontEventBatch([Event(id, "cart"), Event(id, null), Event(id, "product")]), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        var rows = await db.StorefrontEvents.Where(e => e.RecommendationId == id).OrderBy(e => e.Id).ToListAsync(Ct);
        rows.Select(r => r.Placement).ShouldBe([EventPlacement.Cart, EventPlacement.Product, EventPlacement.Product]);
    }

    [Fact]
    public async Task Post_UnknownPlacement_400OnPlacement()
    {
        var client = await StorefrontClients.NewKeyClientAsync(app.Factory, "cart events bad");

        using var response = await client.PostAsJsonAsync("/api/v1/events", new StorefrontEventBatch([Event("r1", "banner")]), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>(Ct))!.Errors.Keys.ShouldBe(["events[0].placement"]);
    }
}
