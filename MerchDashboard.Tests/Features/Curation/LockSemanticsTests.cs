using MerchDashboard.Data.Entities;
using MerchDashboard.Engine.Composition;
using MerchDashboard.Features.Curation;
using MerchDashboard.Tests.Engine.Composition;
using static MerchDashboard.Tests.Engine.Composition.ToyStore;
using Change = MerchDashboard.Features.Curation.CurationChange;

namespace MerchDashboard.Tests.Features.Curation;

/// <summary>PRODUCT.md's lock semantics, through the editor's transitions and the one composer (the toy store).</summary>
public class LockSemanticsTests
{
    private const int Slots = 6;

    private static readonly FixedShopper LovesAaa =
        new("customer C2", new Dictionary<int, double> { [AaaBatteries] = 1.0, [NineVoltBattery] = 0.8 }, "because you bought batteries");

    /// <summary>A merchandiser's list: the puzzle pinned at slot 2, the stunt ramp added, the monster truck excluded.</summary>
    private static readonly ListState Curated = new(ListMode.Curated, null, "", [
        new OverrideState(OverrideKind.Pin, Puzzle, 2, null, null, "puzzle second"),
        new OverrideState(OverrideKind.Add, StuntRamp, 1, null, null, ""),
        new OverrideState(OverrideKind.Exclude, MonsterTruck, 0, null, null, "a substitute"),
    ]);

    private static ComposedList Compose(ListState state, IShopperAffinity? shopper = null) =>
        ToyStore.Compose(RacerCar, Slots, MinedForCar, ListStates.ToEngine(state), shopper);

    private static int[] Ids(ComposedList list) => [.. list.Slots.Select(s => s.Product.Id)];

    private static ListState Apply(ListState state, Change change)
    {
        var outcome = ListTransitions.Apply(state, change, RacerCar, id => $"#{id}", Slots);
        outcome.Error.ShouldBeNull();
        return outcome.Next!;
    }

    private static Change.LockList LockAsShown(ListState state, int? topN) =>
        new([.. Compose(state).Slots.Select(s => new FrozenSlot(s.Product.Id, s.Position, s.Source))], topN);

    [Theory]
    [InlineData(null)]
    [InlineData(1)]
    [InlineData(3)]
    public void LockThenUnlock_AnonymousAndCustomer_ExactlyThePreLockComposition(int? topN)
    {
        var anonymousBefore = Compose(Curated);
        var customerBefore = Compose(Curated, LovesAaa);

        var locked = Apply(Curated, LockAsShown(Curated, topN));
        var unlocked = Apply(locked, new Change.UnlockList());

        Ids(customerBefore).ShouldNotBe(Ids(anonymousBefore), "the customer's list is personalized before the lock");
        locked.Overrides.ShouldBe(Curated.Overrides);
        unlocked.SameAs(Curated).ShouldBeTrue();
        Compose(unlocked).Slots.ShouldBe(anonymousBefore.Slots);
        Compose(unlocked, LovesAaa).Slots.ShouldBe(customerBefore.Slots);
    }

    [Fact]
    public void Lock_WholeList_EveryShopperSeesTheFrozenSlotsInOrderAllMarkedLocked()
    {
        var anonymousBefore = Compose(Curated);

        var locked = Apply(Curated, LockAsShown(Curated, topN: null));
        var anonymous = Compose(locked);
        var customer = Compose(locked, LovesAaa);

        Ids(anonymous).ShouldBe(Ids(anonymousBefore));
        Ids(customer).ShouldBe(Ids(anonymousBefore));
        customer.Slots.ShouldAllBe(s => s.Locked && !s.PersonalizationMoved);
        customer.LockedSlots.ShouldBe(anonymousBefore.Slots.Count);
        anonymous.Slots.Select(s => s.Source).ShouldBe(anonymousBefore.Slots.Select(s => s.Source), "a frozen slot keeps the source it had when locked");
        locked.Frozen.Count.ShouldBe(anonymousBefore.Slots.Count);
        locked.Overrides.Count(o => o.Kind == OverrideKind.Pin).ShouldBe(1, "locking makes no pins");
    }

    [Fact]
    public void Lock_TopTwo_TopTwoFrozenForEveryShopperAndTheRestPersonalized()
    {
        var locked = Apply(Curated, LockAsShown(Curated, topN: 2));

        var anonymous = Compose(locked);
        var customer = Compose(locked, LovesAaa);

        Ids(customer).Take(2).ShouldBe(Ids(anonymous).Take(2));
        customer.Slots.Select(s => s.Locked).ShouldBe(customer.Slots.Select(s => s.Position <= 2));
        customer.LockedSlots.ShouldBe(2);
        customer.Slots.Skip(2).ShouldContain(s => s.PersonalizationMoved);
    }

    [Fact]
    public void Move_FifthItemToFirstSlot_PinsOnlyThatItemAndKeepsTheRestInOrder()
    {
        var before = Compose(ListState.Automatic);
        var moved = before.Slots[4].Product.Id;

        var next = Apply(ListState.Automatic, new Change.Move(moved, 1));
        var after = Compose(next);

        next.Overrides.ShouldBe([new OverrideState(OverrideKind.Pin, moved, 1, null, null, "")]);
        Ids(after).ShouldBe([moved, .. Ids(before).Where(id => id != moved)]);
        after.Slots.Count(s => s.Source == SlotSource.Pinned).ShouldBe(1);
    }

    [Fact]
    public void Move_ItemWithANote_KeepsItsNoteAndWindow()
    {
        var next = Apply(Curated, new Change.Move(Puzzle, 4));

        next.Overrides.ShouldContain(new OverrideState(OverrideKind.Pin, Puzzle, 4, null, null, "puzzle second"));
        next.Overrides.Count.ShouldBe(3);
    }

    [Fact]
    public void ChangeOfN_ThenUnlock_PinsAddsAndExcludesUntouched()
    {
        var topThree = Apply(Curated, LockAsShown(Curated, topN: 3));
        var topOne = Apply(topThree, LockAsShown(topThree, topN: 1));
        var whole = Apply(topOne, LockAsShown(topOne, topN: null));
        var unlocked = Apply(whole, new Change.UnlockList());

        foreach (var state in new[] { topThree, topOne, whole, unlocked })
        {
            state.Overrides.ShouldBe(Curated.Overrides);
        }
        topOne.Frozen.ShouldBe([topThree.Frozen[0]]);
        unlocked.Mode.ShouldBe(ListMode.Curated);
        unlocked.Frozen.ShouldBeEmpty();
    }

    [Fact]
    public void MoveInALockedList_TheFrozenSlotsFollowAndUnlockKeepsTheNewPin()
    {
        var locked = Apply(Curated, LockAsShown(Curated, topN: null));
        var last = locked.Frozen[^1].ProductId;

        var moved = Apply(locked, new Change.Move(last, 1));

        Ids(Compose(moved, LovesAaa))[0].ShouldBe(last);
        moved.Frozen.Select(f => f.ProductId).ShouldBe([last, .. locked.Frozen.SkipLast(1).Select(f => f.ProductId)]);
        moved.Frozen.Select(f => f.Position).ShouldBe(Enumerable.Range(1, locked.Frozen.Count));
        Apply(moved, new Change.UnlockList()).Overrides.ShouldContain(o => o.Kind == OverrideKind.Pin && o.ProductId == last && o.Position == 1);
    }

    [Fact]
    public void ExcludeInALockedList_TheItemLeavesTheFrozenSlotsAndIsNeverShown()
    {
        var locked = Apply(Curated, LockAsShown(Curated, topN: null));
        var victim = locked.Frozen[0].ProductId;

        var excluded = Apply(locked, new Change.Exclude(victim, "recalled"));

        excluded.Frozen.ShouldNotContain(f => f.ProductId == victim);
        Ids(Compose(excluded)).ShouldNotContain(victim);
        Ids(Compose(excluded, LovesAaa)).ShouldBe(Ids(Compose(excluded)));
    }

    [Fact]
    public void RevertToAuto_RemovesOverridesAndTheLock()
    {
        var locked = Apply(Curated, LockAsShown(Curated, topN: 2));

        var reverted = Apply(locked, new Change.RevertToAuto());

        reverted.SameAs(ListState.Automatic).ShouldBeTrue();
        Compose(reverted).Slots.ShouldBe(Compose(ListState.Automatic).Slots);
    }

    [Fact]
    public void ReplaceOverrides_InALockedList_TheLockStaysAndTheNewOverridesApplyAfterUnlock()
    {
        var locked = Apply(Curated, LockAsShown(Curated, topN: null));

        var replaced = Apply(locked, new Change.ReplaceOverrides([new Change.Pin(TrackSet, 3), new Change.Exclude(Puzzle, "seasonal")]));

        replaced.Mode.ShouldBe(ListMode.Locked);
        replaced.Frozen.ShouldBe(locked.Frozen);
        replaced.Overrides.Select(o => (o.Kind, o.ProductId)).ShouldBe([(OverrideKind.Pin, TrackSet), (OverrideKind.Exclude, Puzzle)]);
        Ids(Compose(replaced)).ShouldNotContain(Puzzle);
        Ids(Compose(Apply(replaced, new Change.UnlockList())))[2].ShouldBe(TrackSet);
    }

    [Fact]
    public void Refusals_SlotBeyondTheListAndDuplicateReplaceEntries_NameTheProblem()
    {
        ListTransitions.Apply(Curated, new Change.Pin(TrackSet, Slots + 1), RacerCar, id => $"#{id}", Slots).Error
            .ShouldBe($"This list has {Slots} slots: choose a slot from 1 to {Slots}, not {Slots + 1}.");
        ListTransitions.Apply(Curated, new Change.ReplaceOverrides([new Change.Add(TrackSet), new Change.Pin(TrackSet, 1)]), RacerCar, id => $"#{id}", Slots).Error
            .ShouldBe("overrides[1]: #3 is listed twice; give each item one override.");
        ListTransitions.Apply(Curated, new Change.ReplaceOverrides([new Change.Pin(Puzzle, 1), new Change.Pin(TrackSet, 1)]), RacerCar, id => $"#{id}", Slots).Error
            .ShouldBe("overrides[1]: slot 1 is pinned twice.");
        ListTransitions.Apply(Curated, new Change.UnlockList(), RacerCar, id => $"#{id}", Slots).Error.ShouldBe("The list is not locked.");
    }
}
