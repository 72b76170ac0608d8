using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace MerchDashboard.Features.Ingest;

/// <summary>
/// The catalog and orders API for a shop system or PIM (keys with the <c>ingest</c> scope; others get 403).
/// Batches are all or nothing: a 400 ValidationProblem lists every item's errors under its JSON path and nothing is written.
/// </summary>
public static class IngestEndpoints
{
    public static IServiceCollection AddIngest(this IServiceCollection services)
    {
        services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CatalogIngest>();
        services.AddSingleton<OrderIngest>();
        return services;
    }

    public static RouteGroupBuilder MapIngestEndpoints(this RouteGroupBuilder api)
    {
        api.MapPut("/catalog/products", UpsertAsync).WithName("UpsertProducts")
            .WithSummary("Create or update products by SKU (up to Ingest:MaxProductsPerCall per call), all or nothing");
        api.MapPatch("/catalog/products/{sku}", PatchAsync).WithName("PatchProduct")
            .WithSummary("Change a product's stock, price or active flag; served lists follow within seconds on every instance");
        api.MapPost("/orders", StoreOrdersAsync).WithName("StoreOrders")
            .WithSummary("Store a batch of orders (up to Ingest:MaxOrdersPerCall), all or nothing; an order id already stored counts as already present");
        int[] problems = [StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status429TooManyRequests];
        foreach (var status in problems)
        {
            api.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
        }
        return api;
    }

    private static async Task<Results<Ok<ProductUpsertResult>, ValidationProblem>> UpsertAsync(
        ProductUpsertRequest request, CatalogIngest catalog, CancellationToken ct)
    {
        var outcome = await catalog.UpsertAsync(request, ct);
        return outcome.Value is { } result ? TypedResults.Ok(result) : Refused(outcome.Errors, "The products were refused; nothing was written.");
    }

    private static async Task<Results<Ok<CatalogProductDto>, ValidationProblem, ProblemHttpResult>> PatchAsync(
        string sku, ProductPatchRequest request, CatalogIngest catalog, CancellationToken ct)
    {
        var outcome = await catalog.PatchAsync(sku, request, ct);
        if (outcome is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown product", detail: $"No product has SKU '{sku}'.");
        }
        return outcome.Value is { } product ? TypedResults.Ok(product) : Refused(outcome.Errors, "The change was refused; nothing was written.");
    }

    private static async Task<Results<Ok<OrdersResult>, ValidationProblem>> StoreOrdersAsync(
        OrdersRequest request, OrderIngest orders, CancellationToken ct)
    {
        var outcome = await orders.StoreAsync(request, ct);
        return outcome.Value is { } result ? TypedResults.Ok(result) : Refused(outcome.Errors, "The orders were refused; nothing was written.");
    }

    private static ValidationProblem Refused(IReadOnlyDictionary<string, string[]> errors, string detail) =>
        TypedResults.ValidationProblem(errors, detail: detail, title: "Invalid batch");
}
