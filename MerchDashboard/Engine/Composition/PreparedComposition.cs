using System.Diagnostics;

namespace MerchDashboard.Engine.Composition;

/// <summary>
/// One anchor's composition up to the shopper: steps 1 and 2 of the contract (the overrides in effect, the gathered
/// candidates with their complement strengths and fallback items), the anonymous order, the anonymous list and its
/// warnings and shortfall. None of that depends on who is shopping, so <see cref="Composer.Prepare"/> does it once and
/// <see cref="For"/> finishes the list for any shopper: it ranks the free slots by the shopper's blend (step 5), lays the
/// slots out again and builds only the slots personalization moved; every other slot is the anonymous list's own.
/// <see cref="Composer.Compose"/> is <c>Prepare(...).For(shopper)</c>, so there is one implementation.
/// Immutable once prepared: <see cref="For"/> may run on many threads at once (the storefront keeps one per anchor and
/// served instant).
/// </summary>
public sealed class PreparedComposition
{
    private readonly int _anchorProductId;
    private readonly int _slots;
    private readonly DateTime _asOf;
    private readonly CurationState _curation;
    private readonly CatalogView _catalog;
    private readonly CandidatePool? _pool;
    private readonly int[] _anonymousOrder = [];
    private readonly int[] _anonymousArranged = [];
    private readonly Slot[] _anonymousSlots = [];
    private readonly IReadOnlyList<string> _warnings;
    private readonly IReadOnlyList<ShortfallReason> _shortfall = [];
    private readonly int _lockedSlots;
    private readonly ListLayout? _anonymousLayout;
    private readonly ComposedList? _anonymousList;
    private CartOverrides? _cartOverrides;

    /// <summary>Per candidate, its reason in a free (unlocked) slot, with and without merchandisers' notes; filled on first use.</summary>
    private readonly string?[] _freeReasons = [];
    private readonly string?[] _freeShopperReasons = [];

    internal PreparedComposition(int anchorProductId, int slots, DateTime asOf, CatalogView catalog, IReadOnlyList<MinedCandidate> mined, CurationState curation)
    {
        _anchorProductId = anchorProductId;
        _slots = slots;
        _asOf = asOf;
        _curation = curation;
        _catalog = catalog;
        _lockedSlots = curation.LockedSlots(slots);
        var warnings = new WarningLog();
        if (!catalog.Products.TryGetValue(anchorProductId, out var anchor))
        {
            warnings.Add($"Anchor product #{anchorProductId} is not in the catalog");
            _warnings = warnings.Messages;
            _anonymousLayout = new ListLayout(this, _anonymousArranged, shopper: null);
            return;
        }

        // 1. Overrides outside their start/expiry window at the as-of time are ignored.
        // While locked, the frozen slots are pins of their own; the merchandiser's overrides stay as they are.
        var overrides = OverridesInEffect.At(curation.Overrides, asOf).WithFrozen(curation, slots);

        // 2. Candidates, strongest source first so that a duplicate keeps it. A locked list needs no suggestions.
        var capacity = curation.Overrides.Count + mined.Count + slots;
        var pool = new CandidatePool(anchor, catalog, overrides, warnings, capacity);
        pool.AddPins(overrides.Pins, mined, slots);
        pool.AddManual(overrides.Adds, mined);
        if (curation.Mode != CurationMode.Locked)
        {
            pool.AddMined(mined);
            pool.AddRuleSuggestions();
        }

        // 3. to 6. for no shopper: pins, the locked slots, the free slots by complement, fallback. Any shopper's layout
        // fills as many slots (both orders hold the same candidates), so it needs no fallback item drawn here; the pool is
        // sealed, and shoppers only read it.
        _anonymousOrder = CandidateRanking.Anonymous(pool);
        _anonymousArranged = SlotLayout.Arrange(pool, slots, curation, _anonymousOrder, _anonymousOrder, warnings);
        pool.Seal();
        _pool = pool;
        _freeReasons = new string?[pool.Count];
        _freeShopperReasons = new string?[pool.Count];
        _anonymousSlots = new Slot[_anonymousArranged.Length];
        for (var i = 0; i < _anonymousArranged.Length; i++)
        {
            _anonymousSlots[i] = SlotAt(i, anonymousPosition: i + 1, shopper: null);
        }
        _warnings = warnings.Messages;
        if (_anonymousSlots.Length < slots)
        {
            _shortfall = ShortfallReasons.For(anchor, catalog, curation.Mode, mined.Count, pool.AnyRuleApplies, warnings);
        }
        _anonymousLayout = new ListLayout(this, _anonymousArranged, shopper: null);
        // The anonymous list is the same for every request: built once, shared.
        _anonymousList = For(shopper: null);
    }

    /// <summary>The list for <paramref name="shopper"/> (null: anonymous). A locked list ignores the shopper but carries their label.</summary>
    public ComposedList For(IShopperAffinity? shopper)
    {
        if (shopper is null && _anonymousList is { } kept)
        {
            return kept;
        }
        var slots = Layout(shopper).Slots();
        var label = shopper?.ShopperLabel;
        return new ComposedList(
            _anchorProductId,
            _curation.Mode,
            label,
            RecommendationId.For(_anchorProductId, label, _asOf, slots),
            _asOf,
            slots,
            _warnings,
            Math.Min(_lockedSlots, slots.Length))
        {
            Shortfall = _shortfall,
        };
    }

    /// <summary>
    /// The overrides a cart reads of this list's anchor at the as-of time (<see cref="Composition.CartOverrides"/>): built
    /// at a cart's first use and kept, as every cart with the anchor at this as-of time reads the same (a race builds equal ones).
    /// </summary>
    internal CartOverrides CartOverrides => _cartOverrides ??= CartOverrides.At(_curation, _asOf);

    /// <summary>The composition's warnings, the same for every shopper (for the editor, never for shoppers).</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>
    /// The list for <paramref name="shopper"/> as a layout: which product each slot holds, each slot built only when asked
    /// (<see cref="ListLayout.SlotAt"/>). <see cref="For"/> builds them all; the cart composer reads many slots of its items'
    /// lists and builds only those it places. The anonymous layout (also a locked list's, for every shopper, and the layout of
    /// any shopper whose order moves no slot) is one shared instance.
    /// </summary>
    public ListLayout Layout(IShopperAffinity? shopper)
    {
        var effective = _curation.Mode == CurationMode.Locked ? null : shopper;
        if (effective is null || _pool is null)
        {
            return _anonymousLayout!;
        }
        // 5. The free slots by the blend of complement and the shopper's affinity; the locked top N keeps the anonymous order.
        var personalized = CandidateRanking.Personalized(_pool, effective);
        var arranged = SlotLayout.Arrange(_pool, _slots, _curation, _anonymousOrder, personalized, warnings: null);
        Debug.Assert(arranged.Length == _anonymousArranged.Length, "A shopper's layout fills as many slots as the anonymous one.");
        // An order that moves no slot is the anonymous layout itself: the same slots, nothing kept for the shopper, and a
        // cart composer sees by reference that the list did not move (CartComposer skips its anonymous arrangement).
        return arranged.AsSpan().SequenceEqual(_anonymousArranged) ? _anonymousLayout! : new ListLayout(this, arranged, effective);
    }

    /// <summary>
    /// One shopper's arrangement of a prepared composition: the candidate in each slot. A slot that holds the candidate it
    /// holds in the anonymous list is that list's slot; a moved slot is built on first use and kept. A shopper's layout
    /// belongs to one request; the anonymous one is shared by threads, and never builds a slot.
    /// </summary>
    public sealed class ListLayout
    {
        private readonly PreparedComposition _owner;
        private readonly int[] _arranged;
        private readonly IShopperAffinity? _shopper;
        private Slot[]? _built;

        internal ListLayout(PreparedComposition owner, int[] arranged, IShopperAffinity? shopper)
        {
            _owner = owner;
            _arranged = arranged;
            _shopper = shopper;
        }

        public int Count => _arranged.Length;

        /// <summary>The composition's warnings (<see cref="PreparedComposition.Warnings"/>).</summary>
        public IReadOnlyList<string> Warnings => _owner._warnings;

        /// <summary>The product in the slot at 0-based <paramref name="at"/>, without building the slot.</summary>
        public Catalog.ProductInfo ProductAt(int at) => _owner._pool![_arranged[at]].Product;

        /// <summary>The slot at 0-based <paramref name="at"/>: the anonymous list's own, or the shopper's moved slot, built once.</summary>
        public Slot SlotAt(int at)
        {
            var owner = _owner;
            var index = _arranged[at];
            if (index == owner._anonymousArranged[at])
            {
                return owner._anonymousSlots[at];
            }
            _built ??= new Slot[_arranged.Length];
            return _built[at] ??= owner.SlotAt(at, Array.IndexOf(owner._anonymousArranged, index) + 1, _shopper, index);
        }

        /// <summary>Every slot: the anonymous list's own array when personalization moved none.</summary>
        internal Slot[] Slots()
        {
            var anonymous = _owner._anonymousSlots;
            Slot[]? slots = null;
            for (var i = 0; i < _arranged.Length; i++)
            {
                if (_arranged[i] == _owner._anonymousArranged[i])
                {
                    continue;
                }
                slots ??= (Slot[])anonymous.Clone();
                slots[i] = SlotAt(i);
            }
            return slots ?? anonymous;
        }
    }

    /// <summary>
    /// The slot at 0-based <paramref name="at"/> holding candidate <paramref name="index"/> (by default the anonymous
    /// layout's). A slot that holds the same candidate as in the anonymous list is that list's slot, so only a moved slot
    /// is built for a shopper, and a moved slot is always a free one: pins and the locked slots do not depend on the order.
    /// </summary>
    private Slot SlotAt(int at, int anonymousPosition, IShopperAffinity? shopper, int index = -1)
    {
        var pool = _pool!;
        if (index < 0)
        {
            index = _anonymousArranged[at];
        }
        ref var candidate = ref pool[index];
        var position = at + 1;
        var personalization = SlotExplanation.Personalization(shopper, candidate, position, anonymousPosition);
        var locked = position <= _lockedSlots;
        var frozen = locked ? FrozenAt(_curation, candidate.Product.Id) : null;
        var source = frozen?.Source ?? candidate.Source;
        string explanation, shopperExplanation;
        if (frozen is not null)
        {
            explanation = SlotExplanation.Frozen(candidate, frozen.Source);
            shopperExplanation = SlotExplanation.HasInternalNote(candidate) ? SlotExplanation.Frozen(WithoutNote(candidate), frozen.Source) : explanation;
        }
        else if (personalization is not null && candidate.Source != SlotSource.Pinned && !locked)
        {
            // A moved slot: its reason in a free slot is the same for every shopper, only the personalization differs.
            var reason = _freeReasons[index] ??= SlotExplanation.Reason(candidate, position, _lockedSlots, _catalog, withNotes: true);
            var shopperReason = SlotExplanation.HasInternalNote(candidate)
                ? _freeShopperReasons[index] ??= SlotExplanation.Reason(candidate, position, _lockedSlots, _catalog, withNotes: false)
                : reason;
            explanation = SlotExplanation.WithPersonalization(reason, personalization);
            shopperExplanation = ReferenceEquals(shopperReason, reason) ? explanation : SlotExplanation.WithPersonalization(shopperReason, personalization);
        }
        else
        {
            explanation = SlotExplanation.For(candidate, position, _lockedSlots, _catalog, personalization);
            shopperExplanation = SlotExplanation.HasInternalNote(candidate)
                ? SlotExplanation.For(candidate, position, _lockedSlots, _catalog, personalization, withNotes: false)
                : explanation;
        }
        return new Slot(position, candidate.Product, source, personalization is not null, explanation, candidate.Pair, locked)
        {
            ShopperExplanation = shopperExplanation,
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
}
