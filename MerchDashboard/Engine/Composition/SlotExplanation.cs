using System.Globalization;

namespace MerchDashboard.Engine.Composition;

/// <summary>
/// The one-line human reason a slot holds its product. Merchandisers' notes are internal: they appear only
/// when <c>withNotes</c> is set (the editor and the preview), never in the shoppers' version.
/// </summary>
internal static class SlotExplanation
{
    public static string For(in Candidate candidate, int position, int lockedSlots, CatalogView catalog, string? personalization, bool withNotes = true)
    {
        var reason = Reason(candidate, position, lockedSlots, catalog, withNotes);
        return personalization is null ? reason : WithPersonalization(reason, personalization);
    }

    /// <summary>A slot's reason with what personalization did to it.</summary>
    public static string WithPersonalization(string reason, string personalization) => string.Concat(reason, "; ", personalization);

    /// <summary>Why the slot holds its product, before personalization.</summary>
    public static string Reason(in Candidate candidate, int position, int lockedSlots, CatalogView catalog, bool withNotes)
    {
        var locked = position <= lockedSlots;
        var note = withNotes ? candidate.Note : null;
        var reason = candidate.Source switch
        {
            SlotSource.Pinned => Pinned(candidate, position, note),
            SlotSource.Manual => (locked ? "Locked by a merchandiser" : "Added by a merchandiser") + NoteSuffix(note),
            SlotSource.Mined => BoughtTogether(candidate.Pair!) + SameCategory(candidate.Kinship, candidate.Product.CategoryId, catalog),
            SlotSource.Rule => $"Suggested by the rule '{RuleLabel(candidate.Rule!, catalog)}'",
            _ => candidate.FallbackCategoryId == CandidatePool.StoreWide
                ? "Best seller in the store (fallback)"
                : $"Best seller in {catalog.CategoryName(candidate.FallbackCategoryId)} (fallback)",
        };
        if (locked && candidate.Source > SlotSource.Manual)
        {
            reason += $"; locked in the top {lockedSlots}";
        }
        return reason;
    }

    /// <summary>A slot a lock froze: why the item was there when the list was locked.</summary>
    public static string Frozen(in Candidate candidate, SlotSource sourceWhenLocked)
    {
        var why = sourceWhenLocked switch
        {
            SlotSource.Pinned => "pinned by a merchandiser",
            SlotSource.Manual => "added by a merchandiser",
            SlotSource.Mined => candidate.Pair is { } pair ? BoughtTogether(pair).ToLowerInvariant() : "bought together",
            SlotSource.Rule => "suggested by a complement rule",
            _ => "a category best seller (fallback)",
        };
        return $"Locked by a merchandiser; when locked it was {why}" + NoteSuffix(candidate.Note);
    }

    /// <summary>Null when personalization did not move the slot.</summary>
    public static string? Personalization(IShopperAffinity? shopper, in Candidate candidate, int position, int anonymousPosition)
    {
        if (shopper is null || position == anonymousPosition)
        {
            return null;
        }
        if (anonymousPosition != 0 && anonymousPosition < position)
        {
            return "moved down for this shopper";
        }
        return shopper.ReasonFor(candidate.Product) is { Length: > 0 } why ? $"moved up {why}" : "moved up for this shopper";
    }

    public static string BoughtTogether(MinedCandidate pair)
    {
        var orders = pair.CoPurchaseCount == 1 ? "order" : "orders";
        return pair.Lift > 1
            ? string.Create(CultureInfo.InvariantCulture, $"Bought together in {pair.CoPurchaseCount} {orders}; {pair.Lift:F1}× more often than chance")
            : string.Create(CultureInfo.InvariantCulture, $"Bought together in {pair.CoPurchaseCount} {orders}");
    }

    /// <summary>Whether a slot's shopper version differs: only a merchandiser's item with a note does.</summary>
    public static bool HasInternalNote(in Candidate candidate) =>
        candidate.Source is SlotSource.Pinned or SlotSource.Manual && !string.IsNullOrWhiteSpace(candidate.Note);

    /// <summary>Why a mined item of the anchor's own category is shown although such items are usually alternatives.</summary>
    private static string SameCategory(Kinship kinship, int categoryId, CatalogView catalog) => kinship switch
    {
        Kinship.BoughtTogether => ", although in the same category",
        Kinship.SetToGoTogether => $"; items of {catalog.CategoryName(categoryId)} go together",
        _ => "",
    };

    private static string Pinned(in Candidate candidate, int position, string? note)
    {
        var where = candidate.PinPosition == position
            ? $"Pinned by a merchandiser at slot {position}"
            : $"Pinned by a merchandiser at slot {candidate.PinPosition}, shown at slot {position}";
        return where + NoteSuffix(note);
    }

    private static string RuleLabel(ComplementRuleInfo rule, CatalogView catalog)
    {
        if (!string.IsNullOrWhiteSpace(rule.Note))
        {
            return rule.Note;
        }
        var source = rule.SourceTag ?? (rule.SourceCategoryId is { } category ? catalog.CategoryName(category) : "any");
        return $"{source} → {catalog.CategoryName(rule.TargetCategoryId)}";
    }

    private static string NoteSuffix(string? note) => string.IsNullOrWhiteSpace(note) ? "" : $" — note: {note}";
}
