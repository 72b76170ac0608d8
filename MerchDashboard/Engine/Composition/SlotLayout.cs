namespace MerchDashboard.Engine.Composition;

/// <summary>
/// Steps 3 to 6 of the contract: lays the gathered candidates out on the slots, then closes the gaps
/// (a slot stays empty only when every source is exhausted, or in a locked list).
/// </summary>
internal static class SlotLayout
{
    private const int Empty = -1;

    /// <summary>
    /// Candidate indices in slot order. The free slots of a locked top N take <paramref name="lockedOrder"/>
    /// (the anonymous order), the others <paramref name="freeOrder"/> (personalized when there is a shopper).
    /// <paramref name="warnings"/> is null for a comparison layout, so that a warning is reported once.
    /// </summary>
    public static int[] Arrange(
        CandidatePool pool, int slots, CurationState curation, int[] lockedOrder, int[] freeOrder, WarningLog? warnings)
    {
        // Scratch space on the stack for the usual sizes (a list's slots, its candidates): the layout runs per shopper.
        Span<int> at = slots <= 128 ? stackalloc int[slots] : new int[slots];
        at.Fill(Empty);
        Span<bool> used = pool.Count <= 512 ? stackalloc bool[pool.Count] : new bool[pool.Count];
        var lockedSlots = curation.LockedSlots(slots);

        // 3. Pins take their positions; the earlier of two pins keeps a contested slot.
        PlacePins(pool, at, used, warnings);

        // 4. Locked slots take the merchandiser's order: pins where they are, manual adds in the gaps.
        PlaceManualAdds(pool, at, used, lockedSlots);
        if (curation.Mode == CurationMode.Locked)
        {
            return Compact(at);
        }

        // 5. and 6. The remaining slots by score (anonymous in the locked top N), then fallback.
        FillBy(pool, at, used, lockedSlots, lockedOrder, freeOrder);
        return Compact(at);
    }

    private static void PlacePins(CandidatePool pool, Span<int> at, Span<bool> used, WarningLog? warnings)
    {
        for (var i = 0; i < pool.PinCount; i++)
        {
            var slot = pool[i].PinPosition - 1;
            if (at[slot] == Empty)
            {
                at[slot] = i;
                used[i] = true;
            }
        }
        for (var i = 0; i < pool.PinCount; i++)
        {
            if (used[i])
            {
                continue;
            }
            var slot = NextEmpty(at, pool[i].PinPosition - 1);
            if (slot == Empty)
            {
                warnings?.Add($"Pinned item {WarningLog.Describe(pool[i].Product)} lost slot {pool[i].PinPosition} to an earlier pin, found no free slot after it and was dropped");
                continue;
            }
            at[slot] = i;
            used[i] = true;
        }
    }

    private static void PlaceManualAdds(CandidatePool pool, Span<int> at, Span<bool> used, int lockedSlots)
    {
        var next = pool.PinCount;
        var end = pool.PinCount + pool.ManualCount;
        for (var slot = NextEmpty(at, 0); slot != Empty && slot < lockedSlots && next < end; slot = NextEmpty(at, slot + 1))
        {
            at[slot] = next;
            used[next++] = true;
        }
    }

    private static void FillBy(CandidatePool pool, Span<int> at, Span<bool> used, int lockedSlots, int[] lockedOrder, int[] freeOrder)
    {
        var lockedCursor = 0;
        var freeCursor = 0;
        var fallbacks = 0;
        for (var slot = 0; slot < at.Length; slot++)
        {
            if (at[slot] != Empty)
            {
                continue;
            }
            var found = slot < lockedSlots
                ? TryNextUnused(lockedOrder, ref lockedCursor, used, out var index)
                : TryNextUnused(freeOrder, ref freeCursor, used, out index);
            if (found)
            {
                used[index] = true;
                at[slot] = index;
            }
            else if (pool.TryFallback(fallbacks++, out index))
            {
                at[slot] = index;
            }
            else
            {
                return;
            }
        }
    }

    private static bool TryNextUnused(int[] order, ref int cursor, Span<bool> used, out int index)
    {
        while (cursor < order.Length)
        {
            index = order[cursor++];
            if (!used[index])
            {
                return true;
            }
        }
        index = Empty;
        return false;
    }

    private static int NextEmpty(Span<int> at, int from)
    {
        for (var slot = from; slot < at.Length; slot++)
        {
            if (at[slot] == Empty)
            {
                return slot;
            }
        }
        return Empty;
    }

    private static int[] Compact(Span<int> at)
    {
        var filled = 0;
        foreach (var index in at)
        {
            filled += index == Empty ? 0 : 1;
        }
        var compact = new int[filled];
        var next = 0;
        foreach (var index in at)
        {
            if (index != Empty)
            {
                compact[next++] = index;
            }
        }
        return compact;
    }
}
