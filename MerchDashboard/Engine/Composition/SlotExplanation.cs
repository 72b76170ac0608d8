using System.Globalization;

namespace MerchDashboard.Engine.Composition;

/// <summary>The one-line human reason a slot holds its product.</summary>
internal static class SlotExplanation
{
    public static string For(in Candidate candidate, int position, int lockedSlots, CatalogView catalog, string? personalization)
    {
        var locked = position <= lockedSlots;
        var reason = candidate.Source switch
        {
            SlotSource.Pinned => Pinned(candidate, position),
            SlotSource.Manual => (locked ? "Locked by a merchandiser" : "Added by a merchandiser") + NoteSuffix(candidate.Note),
            SlotSource.Mined => BoughtTogether(candidate.Pair!),
            SlotSource.Rule => $"Suggested by the rule '{RuleLabel(candidate.Rule!, catalog)}'",
            _ => $"Best seller in {catalog.CategoryName(candidate.FallbackCategoryId)} (fallback)",
        };
        if (locked && candidate.Source > SlotSource.Manual)
        {
            reason += $"; locked in the top {lockedSlots}";
        }
        return personalization is null ? reason : $"{reason}; {personalization}";
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

    private static string Pinned(in Candidate candidate, int position)
    {
        var where = candidate.PinPosition == position
            ? $"Pinned by a merchandiser at slot {position}"
            : $"Pinned by a merchandiser at slot {candidate.PinPosition}, shown at slot {position}";
        return where + NoteSuffix(candidate.Note);
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
