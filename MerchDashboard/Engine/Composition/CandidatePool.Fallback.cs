namespace MerchDashboard.Engine.Composition;

/// <summary>Step 6 of the contract: fallback items, drawn only when the candidates run out.</summary>
internal sealed partial class CandidatePool
{
    private List<int>? _fallbackCategories;
    private int _fallbackStart = -1;
    private int _fallbackCategory;
    private int _fallbackCursor;

    /// <summary>
    /// The nth fallback item: the best sellers of the rules' target categories (in rule order), then of the
    /// anchor's department, skipping the anchor's own leaf category and everything already claimed.
    /// </summary>
    public bool TryFallback(int nth, out int index)
    {
        if (_fallbackStart < 0)
        {
            _fallbackStart = Count;
        }
        while (Count - _fallbackStart <= nth)
        {
            if (!DrawFallback())
            {
                index = -1;
                return false;
            }
        }
        index = _fallbackStart + nth;
        return true;
    }

    private bool DrawFallback()
    {
        var categories = _fallbackCategories ??= FallbackCategories();
        for (; _fallbackCategory < categories.Count; _fallbackCategory++, _fallbackCursor = 0)
        {
            var categoryId = categories[_fallbackCategory];
            if (!catalog.BestSellers.TryGetValue(categoryId, out var ranked))
            {
                continue;
            }
            while (_fallbackCursor < ranked.Count)
            {
                if (TryAcceptSuggestion(ranked[_fallbackCursor++], out var product))
                {
                    Append(new Candidate { Product = product, Source = SlotSource.Fallback, FallbackCategoryId = categoryId });
                    return true;
                }
            }
        }
        return false;
    }

    private List<int> FallbackCategories()
    {
        var categories = new List<int>();
        foreach (var rule in catalog.Rules)
        {
            if (rule.AppliesTo(anchor) && !categories.Contains(rule.TargetCategoryId))
            {
                categories.Add(rule.TargetCategoryId);
            }
        }
        if (anchor.DepartmentId is { } department && !categories.Contains(department))
        {
            categories.Add(department);
        }
        return categories;
    }
}
