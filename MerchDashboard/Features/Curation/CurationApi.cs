using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MerchDashboard.Data.Entities;
using MerchDashboard.Features.Serving;
using MerchDashboard.Features.Storefront;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Features.Curation;

/// <summary>What a curation API change is built from: the snapshot, the list as stored, K and the time.</summary>
public sealed record CurationApiContext(StoreSnapshot Snapshot, VersionedList Current, int Slots, DateTime Now);

/// <summary>A curated list as the GET writes it: its version (the ETag) and its JSON, serialized once per served instant.</summary>
public sealed record CuratedListJson(int Version, byte[] Utf8)
{
    public string ETag { get; } = CurationApi.ETag(Version);
}

/// <summary>The curation API's shared steps: the version check, the command, the answer as DTO or ProblemDetails.</summary>
public sealed class CurationApi(
    CurationCommands commands, StoreSnapshotService snapshots, TimeProvider time, IOptions<JsonOptions> json)
{
    /// <summary>The API's own JSON settings (what a change's answer is written with), so a kept GET is byte for byte the same.</summary>
    private readonly JsonTypeInfo<CuratedListDto> _dtoJson =
        (JsonTypeInfo<CuratedListDto>)json.Value.SerializerOptions.GetTypeInfo(typeof(CuratedListDto));

    public CurationCommands Commands => commands;

    public async Task<Results<Ok<CuratedListDto>, ProblemHttpResult>> ChangeAsync(
        string sku, HttpContext http, Func<CurationApiContext, (CurationChange? Change, string? Error)> build, CancellationToken ct)
    {
        var snapshot = snapshots.Current;
        if (snapshot.ProductBySku(sku) is not { } anchor)
        {
            return UnknownSku(sku);
        }
        var current = await commands.GetAsync(anchor.Id, ct);
        if (ExpectedVersion(http.Request.Headers.IfMatch.ToString()) is not { } expected)
        {
            return TypedResults.Problem(title: "If-Match is required",
                detail: $"Send the list's version in the If-Match header (the ETag of GET /api/v1/lists/{sku}, now {ETag(current.Version)}) so that a change never overwrites another.",
                statusCode: StatusCodes.Status428PreconditionRequired);
        }
        if (expected != current.Version)
        {
            await snapshots.RefreshCuratedListAsync(anchor.Id, ct);
            return Stale(http, current);
        }
        var slots = RecommendationService.DefaultSlotsOf(snapshot);
        var (change, error) = build(new CurationApiContext(snapshot, current, slots, time.GetUtcNow().UtcDateTime));
        if (change is null)
        {
            return Refused(error ?? "The change could not be built.");
        }
        var user = http.User.Identity?.Name ?? "api key";
        var result = await commands.ApplyAsync(anchor.Id, expected, change, user, slots, ct);
        if (result.Conflict || result.Succeeded)
        {
            // GET answers from the snapshot: this instance shows what it just saved, or what beat it, at once.
            await snapshots.RefreshCuratedListAsync(anchor.Id, ct);
        }
        if (result.Conflict)
        {
            return Stale(http, result.Current);
        }
        if (!result.Succeeded)
        {
            return Refused(result.Error!);
        }
        http.Response.Headers.ETag = ETag(result.Current.Version);
        return TypedResults.Ok(ToDto(snapshot, result.Current));
    }

    /// <summary>
    /// The list as this instance serves it: from the snapshot, which a change through this instance updates before it
    /// answers and another instance's change reaches on the next check (a write on an older version gets 412 and the
    /// current ETag, so nothing is lost).
    /// </summary>
    public static VersionedList Served(StoreSnapshot snapshot, int anchorProductId)
    {
        var entry = snapshot.CurationFor(anchorProductId);
        return new VersionedList(anchorProductId, entry.Version, entry.Stored, null, "");
    }

    /// <summary>The GET's answer: the served list's version and its JSON at <paramref name="asOf"/> (the served instant).</summary>
    public CuratedListJson Json(StoreSnapshot snapshot, int anchorProductId, DateTime asOf)
    {
        var list = Served(snapshot, anchorProductId);
        return new CuratedListJson(list.Version,
            JsonSerializer.SerializeToUtf8Bytes(ToDto(snapshot, list, asOf), _dtoJson));
    }

    public CuratedListDto ToDto(StoreSnapshot snapshot, VersionedList list, DateTime? asOf = null)
    {
        var anchor = snapshot.Product(list.AnchorProductId)!;
        var slots = RecommendationService.DefaultSlotsOf(snapshot);
        var composed = snapshot.Compose(anchor.Id, asOf ?? time.GetUtcNow().UtcDateTime, slots, curation: ListStates.ToEngine(list.State));
        var state = list.State;
        return new CuratedListDto(
            anchor.Sku, RecommendationEndpoints.ModeName((Engine.Composition.CurationMode)(int)state.Mode), state.LockedTopN,
            composed.LockedSlots, list.Version, state.Note,
            [.. state.Overrides.Select(o => new OverrideDto(o.Kind.ToString().ToLowerInvariant(), SkuOf(snapshot, o.ProductId),
                o.Kind == OverrideKind.Pin ? o.Position : null, o.StartsAt, o.ExpiresAt, o.Note))],
            [.. state.Frozen.Select(f => new LockedSlotDto(f.Position, SkuOf(snapshot, f.ProductId), RecommendationEndpoints.SourceName(f.Source)))],
            [.. composed.Slots.Select(s => new SlotDto(s.Position, s.Product.Sku, s.Product.Name, s.Product.Price,
                RecommendationEndpoints.SourceName(s.Source), s.PersonalizationMoved, s.Explanation,
                s.Pair is { } p ? new PairStatisticsDto(p.CoPurchaseCount, p.Support, p.Confidence, p.Lift) : null, s.Locked))]);
    }

    /// <summary>Maps the request's SKUs to products; the first unknown kind or SKU is the error, naming its index.</summary>
    public static (CurationChange? Change, string? Error) ToReplace(StoreSnapshot snapshot, ReplaceOverridesRequest request)
    {
        var items = request.Overrides ?? [];
        var changes = new List<CurationChange>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var o = items[i];
            if (snapshot.ProductBySku(o.Sku ?? "") is not { } product)
            {
                return (null, $"overrides[{i}].sku: there is no product with SKU '{o.Sku}'.");
            }
            CurationChange? change = o.Kind?.ToLowerInvariant() switch
            {
                "pin" when o.Position is { } position => new CurationChange.Pin(product.Id, position, o.StartsAt, o.ExpiresAt, o.Note ?? ""),
                "add" => new CurationChange.Add(product.Id, o.StartsAt, o.ExpiresAt, o.Note ?? ""),
                "exclude" => new CurationChange.Exclude(product.Id, o.Note ?? "", o.StartsAt, o.ExpiresAt),
                _ => null,
            };
            if (change is null)
            {
                return (null, o.Kind?.ToLowerInvariant() == "pin"
                    ? $"overrides[{i}].position: a pin needs the slot it takes."
                    : $"overrides[{i}].kind: '{o.Kind}' is not pin, add or exclude.");
            }
            changes.Add(change);
        }
        return (new CurationChange.ReplaceOverrides(changes), null);
    }

    public static string ETag(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    public static ProblemHttpResult UnknownSku(string sku) => TypedResults.Problem(
        title: "Unknown product", detail: $"There is no product with SKU '{sku}'.", statusCode: StatusCodes.Status404NotFound);

    /// <summary>The version in an If-Match value (<c>"3"</c>, <c>W/"3"</c> or <c>3</c>); null when absent or not a version.</summary>
    internal static int? ExpectedVersion(string ifMatch)
    {
        var value = ifMatch.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }
        value = value.Trim('"');
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;
    }

    private static ProblemHttpResult Refused(string error) => TypedResults.Problem(
        title: "The change was refused", detail: error, statusCode: StatusCodes.Status400BadRequest);

    private static ProblemHttpResult Stale(HttpContext http, VersionedList current)
    {
        http.Response.Headers.ETag = ETag(current.Version);
        return TypedResults.Problem(title: "The list changed since you read it",
            detail: $"The list is now at version {current.Version} (last changed by {current.UpdatedBy}); nothing was saved. GET it again and retry with its ETag.",
            statusCode: StatusCodes.Status412PreconditionFailed);
    }

    private static string SkuOf(StoreSnapshot snapshot, int productId) => snapshot.Product(productId)?.Sku ?? $"#{productId}";
}
