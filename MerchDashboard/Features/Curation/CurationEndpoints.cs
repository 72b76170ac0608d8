using MerchDashboard.Features.Storefront;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace MerchDashboard.Features.Curation;

/// <summary>
/// The curation API (keys with the <c>curation</c> scope): the editor's commands for automation, with
/// the same validation, audit (the actor is the key's name), live update of open editors and optimistic
/// concurrency: every change sends the version from GET's ETag in <c>If-Match</c>; 428 without it, 412 when stale.
/// </summary>
public static class CurationEndpoints
{
    public static RouteGroupBuilder MapCurationEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/lists/{sku}", Get).WithName("GetCuratedList").Produces<CuratedListDto>()
            .WithSummary("A product's curated list: mode, overrides, locked slots, version (ETag) and the final anonymous list");
        api.MapPut("/lists/{sku}/overrides", ReplaceOverridesAsync).WithName("ReplaceOverrides")
            .WithSummary("Replace every pin, add and exclude of the list (If-Match: the version)");
        api.MapPost("/lists/{sku}/lock", LockAsync).WithName("LockList")
            .WithSummary("Freeze the list as every shopper sees it now: {} for all slots, {\"topN\":n} for the first n (If-Match: the version)");
        api.MapPost("/lists/{sku}/unlock", UnlockAsync).WithName("UnlockList")
            .WithSummary("Unlock: the list's overrides apply again and its free slots are ranked again (If-Match: the version)");
        api.MapPost("/lists/{sku}/revert", RevertAsync).WithName("RevertList")
            .WithSummary("Remove every override and any lock: the list is automatic again (If-Match: the version)");
        int[] problems = [StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound,
            StatusCodes.Status412PreconditionFailed, StatusCodes.Status428PreconditionRequired, StatusCodes.Status429TooManyRequests];
        foreach (var status in problems)
        {
            api.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
        }
        return api;
    }

    /// <summary>
    /// The list as this instance serves it (<see cref="CurationApi.Served"/>), its JSON kept with the served lists for the
    /// served instant: a curation change replaces the snapshot and with it every kept list.
    /// </summary>
    private static IResult Get(string sku, HttpContext http, CurationApi curation, ServedListCache lists)
    {
        // An unknown SKU builds null, which is not kept: random SKUs cannot fill the cache.
        var served = lists.Framed(new CuratedListKey(sku), (snapshot, asOf) =>
            snapshot.ProductBySku(sku) is { } anchor ? curation.Json(snapshot, anchor.Id, asOf) : null);
        if (served is null)
        {
            return CurationApi.UnknownSku(sku);
        }
        http.Response.Headers.ETag = served.ETag;
        return new Utf8JsonResult(served.Utf8);
    }

    private readonly record struct CuratedListKey(string Sku);

    private static Task<Results<Ok<CuratedListDto>, ProblemHttpResult>> ReplaceOverridesAsync(
        string sku, ReplaceOverridesRequest request, HttpContext http, CurationApi curation, CancellationToken ct) =>
        curation.ChangeAsync(sku, http, context => CurationApi.ToReplace(context.Snapshot, request), ct);

    private static Task<Results<Ok<CuratedListDto>, ProblemHttpResult>> LockAsync(
        string sku, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] LockRequest? request, HttpContext http, CurationApi curation, CancellationToken ct) =>
        curation.ChangeAsync(sku, http, context => (ListStates.LockAsShown(
            context.Snapshot, context.Current.AnchorProductId, context.Current.State, context.Now, context.Slots, request?.TopN), null), ct);

    private static Task<Results<Ok<CuratedListDto>, ProblemHttpResult>> UnlockAsync(string sku, HttpContext http, CurationApi curation, CancellationToken ct) =>
        curation.ChangeAsync(sku, http, _ => (new CurationChange.UnlockList(), null), ct);

    private static Task<Results<Ok<CuratedListDto>, ProblemHttpResult>> RevertAsync(string sku, HttpContext http, CurationApi curation, CancellationToken ct) =>
        curation.ChangeAsync(sku, http, _ => (new CurationChange.RevertToAuto(), null), ct);
}
