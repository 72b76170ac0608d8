using System.Net;
using System.Net.Http.Json;
using MerchDashboard.Data;
using MerchDashboard.Features.Ingest;
using MerchDashboard.Features.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MerchDashboard.Tests.Features.Ingest;

/// <summary>Issue 15 item 4: <c>POST /api/v1/orders</c> (ingest scope), validated as the file import, idempotent by order id, all or nothing.</summary>
public sealed class OrderEndpointsTests(IngestApp app) : IClassFixture<IngestApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly Uri Orders = new("/api/v1/orders", UriKind.Relative);

    private IReadOnlyList<string> Skus => [.. app.Snapshot.Catalog.Products.Values.Where(p => p.IsAvailable).OrderBy(p => p.Id).Select(p => p.Sku).Take(3)];

    private static OrderDto Order(string id, params (string Sku, int Quantity, decimal Price)[] lines) =>
        new(id, "API-C1", "2026-10-01T10:00:00Z", [.. lines.Select(l => new OrderLineDto(l.Sku, l.Quantity, l.Price))]);

    private async Task<(int Orders, int Lines, decimal Revenue)> StoredAsync(string prefix)
    {
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        var orders = db.Orders.Where(o => o.ExternalId.StartsWith(prefix));
        return (await orders.CountAsync(Ct), await db.OrderLines.CountAsync(l => l.Order!.ExternalId.StartsWith(prefix), Ct),
            (await orders.Select(o => o.Revenue).ToListAsync(Ct)).Sum());
    }

    [Fact]
    public async Task Post_StorefrontKey_Forbidden()
    {
        using var response = await app.Storefront.PostAsJsonAsync(Orders, new OrdersRequest([Order("SF-1", (Skus[0], 1, 1m))]), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await StoredAsync("SF-")).Orders.ShouldBe(0);
    }

    [Fact]
    public async Task Post_SameBatchTwice_StoredOnceThenAlreadyPresent()
    {
        var queries = app.Factory.Services.GetRequiredService<PipelineQueries>();
        var waitingBefore = (await queries.ReadStateAsync(Ct)).OrdersWaiting;
        var batch = new OrdersRequest([Order("IDEM-1", (Skus[0], 2, 4.50m), (Skus[1], 1, 10m)), Order("IDEM-2", (Skus[2], 3, 1.25m))]);

        using var first = await app.Ingest.PostAsJsonAsync(Orders, batch, Ct);
        using var again = await app.Ingest.PostAsJsonAsync(Orders, batch, Ct);
        using var mixed = await app.Ingest.PostAsJsonAsync(Orders, new OrdersRequest([.. batch.Orders!, Order("IDEM-3", (Skus[0], 1, 2m))]), Ct);

        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync(Ct));
        (await first.Content.ReadFromJsonAsync<OrdersResult>(Ct)).ShouldBe(new OrdersResult(Stored: 2, AlreadyPresent: 0, LinesStored: 3));
        (await again.Content.ReadFromJsonAsync<OrdersResult>(Ct)).ShouldBe(new OrdersResult(0, 2, 0));
        (await mixed.Content.ReadFromJsonAsync<OrdersResult>(Ct)).ShouldBe(new OrdersResult(1, 2, 1));
        (await StoredAsync("IDEM-")).ShouldBe((3, 4, 2 * 4.50m + 10m + 3 * 1.25m + 2m));
        (await queries.ReadStateAsync(Ct)).OrdersWaiting.ShouldBe(waitingBefore + 3, "the policy's N is out of reach: the orders wait");
    }

    [Fact]
    public async Task Post_ABatchWithBadItems_NothingWrittenEachErrorUnderItsItem()
    {
        OrderDto[] orders =
        [
            Order("BAD-0", (Skus[0], 1, 1m)),
            Order("BAD-1", (Skus[0], 1, 1m), ("NO-SUCH-SKU", 1, 1m)),
            Order("BAD-2", (Skus[1], 1, -5m)),
            Order("BAD-3", (Skus[1], 1, 1m)) with { OrderedAt = "yesterday" },
            Order("BAD-4"),
            Order("BAD-0", (Skus[2], 1, 1m)),
        ];

        using var response = await app.Ingest.PostAsJsonAsync(Orders, new OrdersRequest(orders), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = (await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>(Ct))!;
        problem.Errors.Keys.ShouldBe(["orders[4].lines", "orders[5].orderId"], ignoreOrder: true, "the batch's shape is checked first");
        using var shapeFixed = await app.Ingest.PostAsJsonAsync(Orders, new OrdersRequest(orders[..4]), Ct);
        shapeFixed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await shapeFixed.Content.ReadFromJsonAsync<HttpValidationProblemDetails>(Ct))!.Errors;
        errors.Keys.ShouldBe(["orders[2].lines[0].unitPrice", "orders[3].lines[0].orderedAt"], ignoreOrder: true, "fields first, as a file's rows are read");
        using var fieldsFixed = await app.Ingest.PostAsJsonAsync(Orders, new OrdersRequest(orders[..2]), Ct);
        fieldsFixed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var unknown = (await fieldsFixed.Content.ReadFromJsonAsync<HttpValidationProblemDetails>(Ct))!.Errors;
        unknown.Keys.ShouldBe(["orders[1].lines[1].sku"]);
        unknown["orders[1].lines[1].sku"].ShouldHaveSingleItem().ShouldContain("NO-SUCH-SKU");
        (await StoredAsync("BAD-")).Orders.ShouldBe(0);
    }

    [Fact]
    public async Task Post_AThousandOrders_AllStored_AThousandAndOneRefused()
    {
        OrderDto Item(int i) => Order($"BULK-{i:D4}", (Skus[i % 3], 1 + (i % 4), 2.5m));

        using var tooMany = await app.Ingest.PostAsJsonAsync(Orders, new OrdersRequest([.. Enumerable.Range(0, 1_001).Select(Item)]), Ct);
        using var thousand = await app.Ingest.PostAsJsonAsync(Orders, new OrdersRequest([.. Enumerable.Range(0, 1_000).Select(Item)]), Ct);

        tooMany.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await tooMany.Content.ReadFromJsonAsync<HttpValidationProblemDetails>(Ct))!.Errors["orders"].ShouldHaveSingleItem()
            .ShouldContain("at most 1,000 (Ingest:MaxOrdersPerCall)");
        thousand.StatusCode.ShouldBe(HttpStatusCode.OK, await thousand.Content.ReadAsStringAsync(Ct));
        (await thousand.Content.ReadFromJsonAsync<OrdersResult>(Ct)).ShouldBe(new OrdersResult(1_000, 0, 1_000));
        var units = Enumerable.Range(0, 1_000).Sum(i => 1 + (i % 4));
        (await StoredAsync("BULK-")).ShouldBe((1_000, 1_000, units * 2.5m));
    }
}
