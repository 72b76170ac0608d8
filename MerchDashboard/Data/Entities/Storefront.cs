namespace MerchDashboard.Data.Entities;

/// <summary>A storefront's credential. Only a SHA-256 hash of the key is stored; the key is shown once.</summary>
public sealed class ApiKey
{
    /// <summary>Room for the allowed origins of a publishable key: 20 origins of about 100 characters.</summary>
    public const int MaxAllowedOriginsLength = 2000;

    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>The first characters of the key, to recognise it in lists without revealing it.</summary>
    public required string Prefix { get; set; }
    public required string Hash { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    /// <summary>Comma-separated scopes (storefront, ingest, curation, publishable); keys made before scopes existed are storefront keys.</summary>
    public string Scopes { get; set; } = "storefront";
    /// <summary>Space-separated origins (scheme://host[:port]) a publishable key is accepted from; empty for other keys.</summary>
    public string AllowedOrigins { get; set; } = "";
}

public enum StorefrontEventType
{
    Impression = 0,
    Click = 1,
    AddToCart = 2,
    Purchase = 3,
}

/// <summary>Where the list was shown: a product page (frequently bought with) or the cart and checkout.</summary>
public enum EventPlacement
{
    Product = 0,
    Cart = 1,
}

/// <summary>What a shopper did with a recommended slot, reported by the storefront.</summary>
public sealed class StorefrontEvent
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public DateTime ReceivedAt { get; set; }
    public StorefrontEventType Type { get; set; }
    public required string RecommendationId { get; set; }
    public int? AnchorProductId { get; set; }
    public int ProductId { get; set; }
    public int Slot { get; set; }
    /// <summary>The slot's source as served: pinned, manual, mined, rule, fallback or personalized.</summary>
    public required string Source { get; set; }
    public string? CustomerId { get; set; }
    public int Quantity { get; set; }
    public decimal Revenue { get; set; }
    public int ApiKeyId { get; set; }
    public EventPlacement Placement { get; set; }
    /// <summary>The storefront's anonymous visitor id (a first-party cookie), when sent.</summary>
    public string? VisitorId { get; set; }
    /// <summary>The experiment running when the event arrived and the shopper's arm in it, assigned by the server.</summary>
    public int? ExperimentId { get; set; }
    public ExperimentArm? Arm { get; set; }
    /// <summary>For a purchase: the order the line belongs to (several purchase events share it, one per line).</summary>
    public string? OrderId { get; set; }
}
