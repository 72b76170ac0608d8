namespace MerchDashboard.Engine.Composition;

/// <summary>
/// PRODUCT.md's composition contract, implemented once: the API, the shopper preview and the curation
/// editor all call <see cref="Compose"/>. Pure: no database, no clock; the same inputs give the same list.
/// The steps below follow the contract's numbering; docs/composition.md describes them for readers.
/// </summary>
public static class Composer
{
    public static ComposedList Compose(
        CompositionRequest request, CatalogView catalog, IReadOnlyList<MinedCandidate> mined, CurationState curation)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(mined);
        ArgumentNullException.ThrowIfNull(curation);
        ArgumentOutOfRangeException.ThrowIfNegative(request.Slots);

        var warnings = new WarningLog();
        if (!catalog.Products.TryGetValue(request.AnchorProductId, out var anchor))
        {
            warnings.Add($"Anchor product #{request.AnchorProductId} is not in the catalog");
            return Result(request, curation, [], warnings);
        }

        // 1. Overrides outside their start/expiry window at the as-of time are ignored.
        // While locked, the frozen slots are pins of their own; the merchandiser's overrides stay as they are.
        var overrides = OverridesInEffect.At(curation.Overrides, request.AsOf).WithFrozen(curation, request.Slots);

        // 2. Candidates, strongest source first so that a duplicate keeps it. A locked list needs no suggestions.
        var capacity = curation.Overrides.Count + mined.Count + request.Slots;
        var pool = new CandidatePool(anchor, catalog, overrides, warnings, capacity);
        pool.AddPins(overrides.Pins, mined, request.Slots);
        pool.AddManual(overrides.Adds, mined);
        if (curation.Mode != CurationMode.Locked)
        {
            pool.AddMined(mined);
            pool.AddRuleSuggestions();
        }

        // 3. to 6. Pins, the locked slots, the free slots by score, fallback. A locked list ignores the shopper.
        var shopper = curation.Mode == CurationMode.Locked ? null : request.Shopper;
        var anonymous = CandidateRanking.Anonymous(pool);
        var personalized = shopper is null ? anonymous : CandidateRanking.Personalized(pool, shopper);
        var arranged = SlotLayout.Arrange(pool, request.Slots, curation, anonymous, personalized, warnings);
        var withoutShopper = shopper is null
            ? arranged
            : SlotLayout.Arrange(pool, request.Slots, curation, anonymous, anonymous, warnings: null);

        var lockedSlots = curation.LockedSlots(request.Slots);
        var slots = new Slot[arranged.Length];
        for (var i = 0; i < arranged.Length; i++)
        {
            ref var candidate = ref pool[arranged[i]];
            var position = i + 1;
            var anonymousPosition = Array.IndexOf(withoutShopper, arranged[i]) + 1;
            var personalization = SlotExplanation.Personalization(shopper, candidate, position, anonymousPosition);
            var locked = position <= lockedSlots;
            var frozen = locked ? FrozenAt(curation, candidate.Product.Id) : null;
            var source = frozen?.Source ?? candidate.Source;
            var explanation = frozen is null
                ? SlotExplanation.For(candidate, position, lockedSlots, catalog, personalization)
                : SlotExplanation.Frozen(candidate, frozen.Source);
            slots[i] = new Slot(position, candidate.Product, source, personalization is not null, explanation, candidate.Pair, locked)
            {
                ShopperExplanation = !SlotExplanation.HasInternalNote(candidate) ? explanation
                    : frozen is null ? SlotExplanation.For(candidate, position, lockedSlots, catalog, personalization, withNotes: false)
                    : SlotExplanation.Frozen(WithoutNote(candidate), frozen.Source),
            };
        }
        var list = Result(request, curation, slots, warnings);
        return slots.Length >= request.Slots ? list : list with
        {
            Shortfall = ShortfallReasons.For(anchor, catalog, curation.Mode, mined.Count, pool.AnyRuleApplies, warnings),
        };
    }

    private static Candidate WithoutNote(Candidate candidate)
    {
        candidate.Note = null;
        return candidate;
    }

    private static FrozenSlot? FrozenAt(CurationState curation, int productId)
    {
        foreach (var slot in curation.Frozen)
        {
            if (slot.ProductId == productId)
            {
                return slot;
            }
        }
        return null;
    }

    private static ComposedList Result(CompositionRequest request, CurationState curation, Slot[] slots, WarningLog warnings)
    {
        var label = request.Shopper?.ShopperLabel;
        return new ComposedList(
            request.AnchorProductId,
            curation.Mode,
            label,
            RecommendationId.For(request.AnchorProductId, label, request.AsOf, slots),
            request.AsOf,
            slots,
            warnings.Messages,
            Math.Min(curation.LockedSlots(request.Slots), slots.Length));
    }
}
