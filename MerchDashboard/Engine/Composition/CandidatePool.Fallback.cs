namespace MerchDashboard.Engine.Composition;

/// <summary>Step 6 of the contract: fallback items, drawn only when the candidates run out.</summary>
internal sealed partial class CandidatePool
{
    /// <summary>The fallback "category" that stands for the whole store's best sellers.</summary>
    public const int StoreWide = int.MinValue;

    private List<int>? _fallbackCategories;
    private int _fallbackStart = -1;
    private int _fallbackCategory;
    private int _fallbackCursor;
    private bool _sealed;

    /// <summary>The candidates gathered in step 2, the ones ranked: fallback items drawn for a layout come after them.</summary>
    public int GatheredCount => _fallbackStart < 0 ? Count : _fallbackStart;

    /// <summary>
    /// No item is gathered or drawn after this; the pool may then be read by many threads at once. What only gathering
    /// needs is let go, as a server keeps sealed pools (one per anchor it serves).
    /// </summary>
    public void Seal()
    {
        _sealed = true;
        _claimed.Clear();
        _claimed.TrimExcess();
        _fallbackCategories = null;
        if (_items.Length > Count)
        {
            Array.Resize(ref _items, Count);
        }
    }

    /// <summary>
    /// The nth fallback item: the best sellers of the rules' target categories (in rule order), then of the
    /// anchor's department, or of the whole store when the anchor's category is unknown, skipping substitutes
    /// and everything already claimed.
    /// </summary>
    public bool TryFallback(int nth, out int index)
    {
        if (_sealed)
        {
            // Read only: the items drawn before sealing, for layouts that need no more of them (a shopper's).
            var drawn = _fallbackStart < 0 ? 0 : Count - _fallbackStart;
            index = nth < drawn ? _fallbackStart + nth : -1;
            return nth < drawn;
        }
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
            var ranked = categoryId == StoreWide ? catalog.StoreBestSellers : catalog.BestSellers.GetValueOrDefault(categoryId);
            if (ranked is null)
            {
                continue;
            }
            while (_fallbackCursor < ranked.Count)
            {
                if (Accept(ranked[_fallbackCursor++], null, out var product, out var kinship) is null)
                {
                    Append(new Candidate { Product = product, Source = SlotSource.Fallback, FallbackCategoryId = categoryId, Kinship = kinship });
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
        // A placeholder category's department (the importer's "Imported") says nothing about the product, so a
        // product without a known category takes the whole store's best sellers instead.
        if (catalog.IsUnknownCategory(anchor.CategoryId))
        {
            categories.Add(StoreWide);
        }
        else if (anchor.DepartmentId is { } department && !categories.Contains(department))
        {
            categories.Add(department);
        }
        return categories;
    }
}
