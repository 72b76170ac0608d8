using MerchDashboard.Engine.Catalog;

namespace MerchDashboard.Engine.Composition;

/// <summary>
/// Step 2 of the contract: the items the composer may place. They are gathered strongest source first
/// (pins, manual adds, mined, rule items) and each product is claimed once, so a duplicate keeps its
/// strongest source. Fallback items (step 6) are drawn lazily and appended after them.
/// </summary>
internal sealed partial class CandidatePool(ProductInfo anchor, CatalogView catalog, OverridesInEffect overrides, WarningLog warnings, int capacity)
{
    /// <summary>Each matching rule suggests this many items of its target category; deeper items are fallback.</summary>
    public const int SuggestionsPerRule = 2;

    /// <summary>Left out because it is the anchor or already in the pool: not a reason the list is short.</summary>
    private const ShortfallKind Claimed = (ShortfallKind)(-1);

    private readonly HashSet<int> _claimed = new(capacity);
    private Candidate[] _items = new Candidate[Math.Max(capacity, 4)];

    public int Count { get; private set; }
    public int PinCount { get; private set; }
    public int ManualCount { get; private set; }
    public bool AnyRuleApplies { get; private set; }
    public ref Candidate this[int index] => ref _items[index];

    public void AddPins(IReadOnlyList<Pin> pins, IReadOnlyList<MinedCandidate> mined, int slots)
    {
        foreach (var pin in pins)
        {
            if (!_claimed.Add(pin.ProductId))
            {
                warnings.Add($"Product #{pin.ProductId} is pinned twice; the pin at slot {pin.Position} is ignored");
                continue;
            }
            if (!TryAcceptByHand(pin, "Pinned", out var product))
            {
                continue;
            }
            if (pin.Position < 1 || pin.Position > slots)
            {
                warnings.Add($"Pinned item {WarningLog.Describe(product)} at slot {pin.Position} is outside slots 1-{slots} and was dropped");
                continue;
            }
            Append(new Candidate { Product = product, Source = SlotSource.Pinned, PinPosition = pin.Position, Note = pin.Note, Pair = FindPair(mined, product.Id) });
            PinCount++;
        }
    }

    public void AddManual(IReadOnlyList<Add> adds, IReadOnlyList<MinedCandidate> mined)
    {
        foreach (var add in adds)
        {
            if (_claimed.Add(add.ProductId) && TryAcceptByHand(add, "Added", out var product))
            {
                Append(new Candidate { Product = product, Source = SlotSource.Manual, Complement = CandidateRanking.ManualStrength, Note = add.Note, Pair = FindPair(mined, product.Id) });
                ManualCount++;
            }
        }
    }

    public void AddMined(IReadOnlyList<MinedCandidate> mined)
    {
        var first = Count;
        var highestScore = 0.0;
        for (var i = 0; i < mined.Count; i++)
        {
            var pair = mined[i];
            var rejection = Accept(pair.ProductId, pair, out var product, out var kinship);
            if (rejection is null)
            {
                var score = double.IsFinite(pair.Score) ? pair.Score : 0;
                highestScore = Math.Max(highestScore, score);
                Append(new Candidate { Product = product, Source = SlotSource.Mined, Complement = score, Pair = pair, Kinship = kinship });
            }
            else if (rejection is { } kind && kind != Claimed)
            {
                warnings.Tally(kind);
            }
        }
        for (var i = first; i < Count; i++)
        {
            _items[i].Complement = CandidateRanking.MinedComplement(_items[i].Complement, highestScore);
        }
    }

    /// <summary>The first eligible items of each matching rule's target category, in best-seller order.</summary>
    public void AddRuleSuggestions()
    {
        foreach (var rule in catalog.Rules)
        {
            if (!rule.AppliesTo(anchor))
            {
                continue;
            }
            AnyRuleApplies = true;
            if (!catalog.BestSellers.TryGetValue(rule.TargetCategoryId, out var ranked))
            {
                continue;
            }
            var taken = 0;
            for (var i = 0; i < ranked.Count && taken < SuggestionsPerRule; i++)
            {
                if (Accept(ranked[i], null, out var product, out var kinship) is null)
                {
                    Append(new Candidate { Product = product, Source = SlotSource.Rule, Complement = CandidateRanking.RuleComplement(taken), Rule = rule, Kinship = kinship });
                    taken++;
                }
            }
        }
    }

    private bool TryAcceptByHand(Override item, string verb, out ProductInfo product)
    {
        if (!catalog.Products.TryGetValue(item.ProductId, out product!))
        {
            warnings.Add($"{verb} product #{item.ProductId} is not in the catalog and was skipped");
            return false;
        }
        var problem = product.Id == anchor.Id ? "is the anchor itself"
            : overrides.IsExcluded(product.Id) ? "is also excluded"
            : !product.IsAvailable ? $"is {WarningLog.Unavailability(product)}"
            : null;
        if (problem is not null)
        {
            warnings.Add($"{verb} item {WarningLog.Describe(product)} {problem} and was skipped");
        }
        return problem is null;
    }

    /// <summary>
    /// Mined, rule and fallback items: null when accepted (and then claimed), else why not. No anchor, nothing
    /// already claimed, excluded or unavailable, and no substitute (see <see cref="CatalogView.KinshipOf"/>;
    /// <paramref name="pair"/> is the mined evidence, null for rule and fallback items).
    /// </summary>
    private ShortfallKind? Accept(int productId, MinedCandidate? pair, out ProductInfo product, out Kinship kinship)
    {
        kinship = Kinship.OtherCategory;
        if (!catalog.Products.TryGetValue(productId, out product!))
        {
            return ShortfallKind.MinedNotInCatalog;
        }
        if (product.Id == anchor.Id || _claimed.Contains(productId))
        {
            return Claimed;
        }
        if (overrides.IsExcluded(productId))
        {
            return ShortfallKind.MinedExcluded;
        }
        if (!product.IsAvailable)
        {
            return product.IsActive ? ShortfallKind.MinedOutOfStock : ShortfallKind.MinedInactive;
        }
        kinship = catalog.KinshipOf(anchor, product, pair);
        if (CatalogView.IsSubstitute(kinship))
        {
            return kinship == Kinship.SetAsAlternatives ? ShortfallKind.MinedSetAsAlternatives : ShortfallKind.MinedWithoutEvidence;
        }
        _claimed.Add(productId);
        return null;
    }

    private static MinedCandidate? FindPair(IReadOnlyList<MinedCandidate> mined, int productId)
    {
        for (var i = 0; i < mined.Count; i++)
        {
            if (mined[i].ProductId == productId)
            {
                return mined[i];
            }
        }
        return null;
    }

    private void Append(in Candidate candidate)
    {
        if (_sealed)
        {
            throw new InvalidOperationException("The candidate pool is sealed: shoppers' layouts only read it.");
        }
        if (Count == CandidateRanking.MaxCandidates)
        {
            throw new InvalidOperationException($"The composer ranks at most {CandidateRanking.MaxCandidates} candidates; trim the mined list.");
        }
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, Count * 2);
        }
        _items[Count++] = candidate;
    }
}
