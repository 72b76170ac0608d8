using System.Text.Json;
using System.Text.Json.Serialization;

namespace MerchDashboard.Cli.Simulation;

/// <summary>The storefront API's JSON as the simulator reads and writes it (PRODUCT.md "Request bodies"; /openapi/v1.json).</summary>
public static class StorefrontWire
{
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

/// <summary>A served list; <c>Experiment</c> and <c>Arm</c> are set while an experiment runs.</summary>
public sealed record ServedList(string Sku, string RecommendationId, IReadOnlyList<ServedSlot> Items, string? Experiment = null, string? Arm = null);

public sealed record ServedSlot(int Slot, string Sku, string Name, decimal Price, string Source);

public sealed record EventBody(
    string Type, string RecommendationId, string Sku, string AnchorSku, int Slot, string Source, string? CustomerId, string? VisitorId,
    DateTime At, int? Quantity = null, decimal? Revenue = null, string Placement = "product", string? OrderId = null);

public sealed record EventBatchBody(IReadOnlyList<EventBody> Events);

public sealed record OrderLineBody(string Sku, int Quantity, decimal UnitPrice);

public sealed record OrderBody(string OrderId, string CustomerId, DateTime OrderedAt, IReadOnlyList<OrderLineBody> Lines);

public sealed record OrderBatchBody(IReadOnlyList<OrderBody> Orders);

/// <summary>The API refused the simulator for a reason retrying cannot fix: shown as the verb's error.</summary>
public sealed class SimulationRefusedException(string message) : Exception(message);
