using System.Globalization;
using MerchDashboard.Data;
using MerchDashboard.Data.Entities;
using MerchDashboard.Features.Experiments;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Features.Storefront;

/// <summary>An event the storefront reports about a recommended slot.</summary>
/// <param name="Type">impression, click, add-to-cart or purchase</param>
/// <param name="RecommendationId">the id returned with the list the slot came from</param>
/// <param name="Sku">the product in the slot</param>
/// <param name="AnchorSku">the product page the list was shown on, if any</param>
/// <param name="Slot">1-based position of the slot</param>
/// <param name="Source">the slot's source as served: pinned, manual, mined, rule, fallback or personalized</param>
/// <param name="CustomerId">the shopper, if known</param>
/// <param name="Quantity">units, for add-to-cart and purchase</param>
/// <param name="Revenue">revenue attributed to the slot, for purchase</param>
/// <param name="At">when it happened (default: when received)</param>
/// <param name="Placement">where the list was shown: product (the default) or cart</param>
/// <param name="VisitorId">the storefront's anonymous visitor id, the shopper when there is no customer id</param>
/// <param name="OrderId">for a purchase, the order the line belongs to (one purchase event per line)</param>
public sealed record StorefrontEventDto(
    string? Type, string? RecommendationId, string? Sku, string? AnchorSku, int? Slot, string? Source,
    string? CustomerId, int? Quantity, decimal? Revenue, DateTimeOffset? At, string? Placement = null,
    string? VisitorId = null, string? OrderId = null);

public sealed record StorefrontEventBatch(IReadOnlyList<StorefrontEventDto>? Events);

public sealed record EventsAccepted(int Accepted);

public static class EventEndpoints
{
    public static readonly IReadOnlyDictionary<string, StorefrontEventType> Types = new Dictionary<string, StorefrontEventType>
    {
        ["impression"] = StorefrontEventType.Impression,
        ["click"] = StorefrontEventType.Click,
        ["add-to-cart"] = StorefrontEventType.AddToCart,
        ["purchase"] = StorefrontEventType.Purchase,
    };

    public static readonly IReadOnlyDictionary<string, EventPlacement> Placements = new Dictionary<string, EventPlacement>
    {
        ["product"] = EventPlacement.Product,
        ["cart"] = EventPlacement.Cart,
    };

    /// <summary>Slot sources; <c>locked</c> is what a storefront reports for a slot served with <c>locked: true</c>.</summary>
    public static readonly IReadOnlySet<string> Sources = new HashSet<string> { "pinned", "locked", "manual", "mined", "rule", "fallback", "personalized" };

    public static RouteGroupBuilder MapEventEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/events", RecordAsync)
            .WithName("RecordEvents")
            .WithSummary("Report impressions, clicks, add-to-cart and purchases of recommended slots")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireAuthorization(ApiKeyScopes.PolicyFor(ApiKeyScopes.Storefront, ApiKeyScopes.Publishable))
            .AddEndpointFilter<PublishableKeyFilter>();
        return api;
    }

    private static async Task<Results<Accepted<EventsAccepted>, ValidationProblem>> RecordAsync(
        StorefrontEventBatch batch, HttpContext http, IDbContextFactory<AppDbContext> dbFactory,
        IOptions<StorefrontApiOptions> options, ExperimentAssignment experiments, TimeProvider time, CancellationToken ct)
    {
        var events = batch.Events ?? [];
        if (events.Count == 0 || events.Count > options.Value.MaxEventsPerRequest)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["events"] = [$"Send between 1 and {options.Value.MaxEventsPerRequest} events."],
            });
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var skus = events.SelectMany(e => new[] { e.Sku, e.AnchorSku }).OfType<string>()
            .Where(sku => sku.Length <= options.Value.MaxIdLength).Distinct().ToList();
        var ids = await db.Products.Where(p => skus.Contains(p.Sku)).ToDictionaryAsync(p => p.Sku, p => p.Id, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var keyId = int.Parse(http.User.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaim)!.Value, CultureInfo.InvariantCulture);
        var errors = new Dictionary<string, string[]>();
        var rows = new List<StorefrontEvent>(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            var problems = Validate(events[i], ids, now, options.Value);
            if (problems.Count > 0)
            {
                foreach (var (field, message) in problems)
                {
                    errors[$"events[{i}].{field}"] = [message];
                }
                continue;
            }
            var e = events[i];
            rows.Add(new StorefrontEvent
            {
                At = e.At?.UtcDateTime ?? now, ReceivedAt = now, Type = Types[e.Type!], RecommendationId = e.RecommendationId!,
                AnchorProductId = e.AnchorSku is null ? null : ids[e.AnchorSku], ProductId = ids[e.Sku!], Slot = e.Slot!.Value,
                Source = e.Source!, CustomerId = e.CustomerId, Quantity = e.Quantity ?? 0, Revenue = e.Revenue ?? 0, ApiKeyId = keyId,
                Placement = e.Placement is null ? EventPlacement.Product : Placements[e.Placement],
                VisitorId = NullIfEmpty(e.VisitorId), OrderId = NullIfEmpty(e.OrderId),
            }.WithArm(experiments.Assign(e.CustomerId, e.VisitorId)));
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Some events are not valid; none were stored.");
        }
        db.StorefrontEvents.AddRange(rows);
        await db.SaveChangesAsync(ct);
        return TypedResults.Accepted((string?)null, new EventsAccepted(rows.Count));
    }

    private static List<(string Field, string Message)> Validate(StorefrontEventDto e, Dictionary<string, int> ids, DateTime now, StorefrontApiOptions options)
    {
        var problems = new List<(string, string)>();
        if (e.Type is null || !Types.ContainsKey(e.Type))
        {
            problems.Add(("type", $"'{Quote(e.Type)}' is not one of {string.Join(", ", Types.Keys)}."));
        }
        if (string.IsNullOrWhiteSpace(e.RecommendationId) || e.RecommendationId.Length > options.MaxIdLength)
        {
            problems.Add(("recommendationId", $"The recommendation id returned with the list is required ({options.MaxIdLength} characters at most)."));
        }
        if (e.Sku?.Length > options.MaxIdLength || e.AnchorSku?.Length > options.MaxIdLength)
        {
            problems.Add(("sku", $"SKUs are at most {options.MaxIdLength} characters long."));
        }
        else if (e.Sku is null || !ids.ContainsKey(e.Sku))
        {
            problems.Add(("sku", $"'{Quote(e.Sku)}' is not a known SKU."));
        }
        if (e.AnchorSku is not null && !ids.ContainsKey(e.AnchorSku))
        {
            problems.Add(("anchorSku", $"'{Quote(e.AnchorSku)}' is not a known SKU."));
        }
        if (e.Slot is not (>= 1 and <= 100))
        {
            problems.Add(("slot", "The 1-based slot position is required."));
        }
        if (e.Source is null || !Sources.Contains(e.Source))
        {
            problems.Add(("source", $"'{Quote(e.Source)}' is not one of {string.Join(", ", Sources)}."));
        }
        if (e.Quantity < 0 || e.Quantity > options.MaxQuantity)
        {
            problems.Add(("quantity", $"The quantity must be between 0 and {options.MaxQuantity:N0}."));
        }
        if (e.Revenue < 0 || e.Revenue > options.MaxRevenue)
        {
            problems.Add(("revenue", $"Revenue must be between 0 and {options.MaxRevenue:N0}."));
        }
        if (e.Revenue is > 0 && e.Type != "purchase")
        {
            problems.Add(("revenue", "Only a purchase carries revenue."));
        }
        if (e.At is { } at && at.UtcDateTime > now.AddMinutes(5))
        {
            problems.Add(("at", "The event time is in the future."));
        }
        if (e.Placement is not null && !Placements.ContainsKey(e.Placement))
        {
            problems.Add(("placement", $"'{e.Placement}' is not one of {string.Join(", ", Placements.Keys)}."));
        }
        if (e.CustomerId is { } customer && customer.Length > options.MaxIdLength)
        {
            problems.Add(("customerId", $"{options.MaxIdLength} characters at most."));
        }
        if (e.VisitorId is { } visitor && visitor.Length > options.MaxIdLength)
        {
            problems.Add(("visitorId", $"{options.MaxIdLength} characters at most."));
        }
        if (e.OrderId is { } order && order.Length > options.MaxIdLength)
        {
            problems.Add(("orderId", $"{options.MaxIdLength} characters at most."));
        }
        if (e.OrderId is not null && e.Type != "purchase")
        {
            problems.Add(("orderId", "Only a purchase carries an order id."));
        }
        return problems;
    }

    private static string? NullIfEmpty(string? id) => string.IsNullOrEmpty(id) ? null : id;

    /// <summary>The arm comes from the server's own assignment, never from the client.</summary>
    private static StorefrontEvent WithArm(this StorefrontEvent row, ArmAssignment? assigned)
    {
        row.ExperimentId = assigned?.ExperimentId;
        row.Arm = assigned is null ? null : (ExperimentArm)(int)assigned.Arm;
        return row;
    }

    private static string Quote(string? value) => Hosting.ApiProblemMiddleware.Quote(value);
}
