namespace MerchDashboard.Engine.Composition;

/// <summary>
/// A merchandiser's override on one anchor's list; the closed set is <see cref="Pin"/>, <see cref="Add"/>
/// and <see cref="Exclude"/>. It is in effect from <see cref="StartsAt"/> (inclusive) until
/// <see cref="ExpiresAt"/> (exclusive), both UTC, null meaning unbounded.
/// </summary>
public abstract record Override
{
    private protected Override(int productId, string note, DateTime? startsAt, DateTime? expiresAt)
    {
        ProductId = productId;
        Note = note;
        StartsAt = startsAt;
        ExpiresAt = expiresAt;
    }

    public int ProductId { get; init; }
    public string Note { get; init; }
    public DateTime? StartsAt { get; init; }
    public DateTime? ExpiresAt { get; init; }

    public bool IsInEffectAt(DateTime asOf) =>
        (StartsAt is not { } start || asOf >= start) && (ExpiresAt is not { } end || asOf < end);
}

/// <summary>Show the product at a 1-based slot.</summary>
public sealed record Pin(int ProductId, int Position, string Note = "", DateTime? StartsAt = null, DateTime? ExpiresAt = null)
    : Override(ProductId, Note, StartsAt, ExpiresAt);

/// <summary>Add the product by hand; <see cref="Order"/> orders the adds among themselves.</summary>
public sealed record Add(int ProductId, int Order, string Note = "", DateTime? StartsAt = null, DateTime? ExpiresAt = null)
    : Override(ProductId, Note, StartsAt, ExpiresAt);

/// <summary>Never show the product; the note says why.</summary>
public sealed record Exclude(int ProductId, string Note = "", DateTime? StartsAt = null, DateTime? ExpiresAt = null)
    : Override(ProductId, Note, StartsAt, ExpiresAt);
