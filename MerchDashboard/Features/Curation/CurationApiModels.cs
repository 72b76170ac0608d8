using MerchDashboard.Features.Storefront;

namespace MerchDashboard.Features.Curation;

/// <summary>
/// One override as the curation API reads and writes it. <c>Kind</c> is <c>pin</c>, <c>add</c> or
/// <c>exclude</c>; <c>Position</c> is the 1-based slot of a pin; the window is UTC, start inclusive, expiry exclusive.
/// </summary>
public sealed record OverrideDto(string Kind, string Sku, int? Position, DateTime? StartsAt, DateTime? ExpiresAt, string? Note);

/// <summary>One slot a lock froze: the item every shopper sees there, and why it was there when locked.</summary>
public sealed record LockedSlotDto(int Slot, string Sku, string SourceWhenLocked);

/// <summary>
/// A curated list for automation: its mode, the merchandiser's overrides, what a lock froze, its version
/// (also the ETag, to send back in <c>If-Match</c>) and the final list an anonymous shopper sees now.
/// </summary>
public sealed record CuratedListDto(
    string Sku, string Mode, int? LockedTopN, int LockedSlots, int Version, string Note,
    IReadOnlyList<OverrideDto> Overrides, IReadOnlyList<LockedSlotDto> Locked, IReadOnlyList<SlotDto> Items);

/// <summary>Body of <c>PUT /api/v1/lists/{sku}/overrides</c>: the complete new set of overrides.</summary>
public sealed record ReplaceOverridesRequest(IReadOnlyList<OverrideDto>? Overrides);

/// <summary>Body of <c>POST /api/v1/lists/{sku}/lock</c>: <c>{}</c> (or no body) locks the whole list, <c>{"topN":2}</c> its first N slots.</summary>
public sealed record LockRequest(int? TopN);
