using System.Net;
using System.Net.Http.Json;
using MerchDashboard.Data;
using MerchDashboard.Data.Entities;
using MerchDashboard.Features.Serving;
using MerchDashboard.Features.Storefront;
using MerchDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MerchDashboard.Tests.Features.Storefront;

[Collection(SharedMerchApp.Name)]
public sealed class EventEndpointsTests(MerchAppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private IReadOnlyList<string> Skus => [.. app.Factory.Services.GetRequiredService<StoreSnapshotService>().Current.ProductIdsBySku.Keys.Order().Take(2)];

    [Fact]
    public async Task Post_ValidBatch_202AndEveryEventStored()
    {
        var client = await StorefrontClients.NewKeyClientAsync(app.Factory, "events valid");
        var id = NewRecommendationId();
        var at = new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.FromHours(2));
        StorefrontEventDto[] events =
        [
            Valid(id) with { Type = "impression", At = at },
            Valid(id) with { Type = "click", Slot = 2, CustomerId = "C-1" },
            Valid(id) with { Type = "add-to-cart", Quantity = 2 },
            Valid(id) with { Type = "purchase", Quantity = 2, Revenue = 39.98m, Source = "personalized" },
        ];

        using var response = await client.PostAsJsonAsync("/api/v1/events", new StorefrontEventBatch(events), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await response.Content.ReadFromJsonAsync<EventsAccepted>(Ct))!.Accepted.ShouldBe(4);
        var rows = await StoredAsync(id);
        rows.Select(r => r.Type).ShouldBe([StorefrontEventType.Impression, StorefrontEventType.Click, StorefrontEventType.AddToCart, StorefrontEventType.Purchase]);
        rows[0].At.ShouldBe(new DateTime(2026, 3, 4, 8, 0, 0, DateTimeKind.Utc));
        rows[1].Slot.ShouldBe(2);
        rows[1].CustomerId.ShouldBe("C-1");
        rows[3].Revenue.ShouldBe(39.98m);
        rows[3].Quantity.ShouldBe(2);
        rows.ShouldAllBe(r => r.AnchorProductId != null && r.ProductId != r.AnchorProductId);
    }

    public static TheoryData<string, string> InvalidFields() => new()
    {
        { "type", "view" }, { "recommendationId", "" }, { "sku", "NO-SUCH-SKU" }, { "anchorSku", "NO-SUCH-SKU" },
        { "slot", "0" }, { "source", "banner" }, { "quantity", "-1" }, { "revenue", "-5" }, { "at", "future" },
        { "customerId", new string('c', 65) },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task Post_OneInvalidField_400NamingItAndNothingStored(string field, string value)
    {
        var client = await StorefrontClients.NewKeyClientAsync(app.Factory, $"events {field}");
        var id = NewRecommendationId();
        var bad = Invalid(Valid(id), field, value);

        using var response = await client.PostAsJsonAsync("/api/v1/events", new StorefrontEventBatch([Valid(id), bad]), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = (await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>(Ct))!;
        problem.Errors.Keys.ShouldBe([$"events[1].{field}"]);
        (await StoredAsync(id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_EmptyOrOversizedBatch_400OnEvents()
    {
        var client = await StorefrontClients.NewKeyClientAsync(app.Factory, "events size");
        var id = NewRecommendationId();

        foreach (var batch in new[] { new StorefrontEventBatch([]), new StorefrontEventBatch(Enumerable.Repeat(Valid(id), 501).ToList()) })
        {
            using var response = await client.PostAsJsonAsync("/api/v1/events", batch, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>(Ct))!.Errors.Keys.ShouldBe(["events"]);
        }
        (await StoredAsync(id)).ShouldBeEmpty();
    }

    private StorefrontEventDto Valid(string recommendationId) =>
        new("impression", recommendationId, Skus[1], Skus[0], 1, "mined", null, null, null, null);

    private static StorefrontEventDto Invalid(StorefrontEventDto e, string field, string value) => field switch
    {
        "type" => e with { Type = value },
        "recommendationId" => e with { RecommendationId = value },
        "sku" => e with { Sku = value },
        "anchorSku" => e with { AnchorSku = value },
        "slot" => e with { Slot = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
        "source" => e with { Source = value },
        "quantity" => e with { Quantity = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
        "revenue" => e with { Revenue = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
        "at" => e with { At = DateTimeOffset.UtcNow.AddHours(1) },
        "customerId" => e with { CustomerId = value },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    private static string NewRecommendationId() => Guid.NewGuid().ToString("N")[..16];

    private async Task<List<StorefrontEvent>> StoredAsync(string recommendationId)
    {
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        return await db.StorefrontEvents.Where(e => e.RecommendationId == recommendationId).OrderBy(e => e.Id).ToListAsync(Ct);
    }
}
