using System.Globalization;
using MerchDashboard.Engine.Catalog;

namespace MerchDashboard.Engine.Composition;

/// <summary>Why a list has fewer items than slots; the editor shows these, shoppers never do.</summary>
public enum ShortfallKind
{
    Locked,
    NoMinedCandidates,
    MinedSetAsAlternatives,
    MinedWithoutEvidence,
    MinedOutOfStock,
    MinedInactive,
    MinedExcluded,
    MinedNotInCatalog,
    NoRuleCovers,
    RulesExhausted,
    BestSellersExhausted,
}

/// <summary>One reason a list is short, with how many mined candidates it left out (0 when it counts none).</summary>
public sealed record ShortfallReason(ShortfallKind Kind, int Count, string Text);

/// <summary>Turns the tallies of one composition into plain-word reasons, only when the list came out short.</summary>
internal static class ShortfallReasons
{
    public static readonly int KindCount = Enum.GetValues<ShortfallKind>().Length;

    public static IReadOnlyList<ShortfallReason> For(
        ProductInfo anchor, CatalogView catalog, CurationMode mode, int minedCount, bool anyRuleApplies, WarningLog log)
    {
        var reasons = new List<ShortfallReason>();
        if (mode == CurationMode.Locked)
        {
            reasons.Add(new(ShortfallKind.Locked, 0, "the list is locked: only the merchandiser's items are shown and nothing is filled in"));
            return reasons;
        }
        var category = catalog.CategoryName(anchor.CategoryId);
        var evidence = catalog.Evidence;
        if (minedCount == 0)
        {
            reasons.Add(new(ShortfallKind.NoMinedCandidates, 0, "no mined candidates: this product has no co-purchase evidence in the current mining run"));
        }
        Counted(ShortfallKind.MinedSetAsAlternatives, $"are alternatives in '{category}' (set as alternatives)", $"is an alternative in '{category}' (set as alternatives)");
        var without = string.Create(CultureInfo.InvariantCulture,
            $"in the same category '{category}' without evidence of being bought together (needs {evidence.MinCoPurchases}+ orders and {evidence.MinLift:0.##}× lift)");
        Counted(ShortfallKind.MinedWithoutEvidence, $"are {without}, so they count as alternatives", $"is {without}, so it counts as an alternative");
        Counted(ShortfallKind.MinedOutOfStock, "are out of stock", "is out of stock");
        Counted(ShortfallKind.MinedInactive, "are inactive", "is inactive");
        Counted(ShortfallKind.MinedExcluded, "are excluded by a merchandiser", "is excluded by a merchandiser");
        Counted(ShortfallKind.MinedNotInCatalog, "are no longer in the catalog", "is no longer in the catalog");
        reasons.Add(anyRuleApplies
            ? new(ShortfallKind.RulesExhausted, 0, "the complement rules for this product have no other item to show")
            : new(ShortfallKind.NoRuleCovers, 0, $"no complement rule covers '{category}' or this product's tags"));
        reasons.Add(new(ShortfallKind.BestSellersExhausted, 0, catalog.IsUnknownCategory(anchor.CategoryId)
            ? "no best sellers of the store left: every one is already shown, unavailable or excluded"
            : anchor.DepartmentId is { } department
                ? $"no best sellers of '{catalog.CategoryName(department)}' left: every one is already shown, unavailable, excluded or an alternative"
                : "no department to take best sellers from"));
        return reasons;

        void Counted(ShortfallKind kind, string plural, string singular)
        {
            var count = log.Tallied(kind);
            if (count > 0)
            {
                reasons.Add(new(kind, count, count == 1 ? $"1 mined candidate {singular}" : $"{count} mined candidates {plural}"));
            }
        }
    }
}
