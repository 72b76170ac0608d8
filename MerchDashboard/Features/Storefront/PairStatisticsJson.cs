using System.Runtime.CompilerServices;
using System.Text.Json;
using MerchDashboard.Engine.Composition;

namespace MerchDashboard.Features.Storefront;

/// <summary>
/// A mined pair's statistics object as the answers write it (formatting its three doubles was the largest part of writing
/// a slot; docs/benchmarks.md), kept in a fixed number of entries: a pair's identity hash picks a set of two entries, and
/// a pair found in neither is written again and takes the set's first entry, the first moving to the second. So the
/// memory is bounded (<see cref="Entries"/> entries, about 14 MB when all are full: the entry, the JSON and the pair it keeps) whatever the store's number of pairs,
/// a lookup reads one or two array slots, and a snapshot no longer served keeps nothing beyond the entries it last held.
/// Only numbers and ASCII names, so no encoder changes the bytes.
/// </summary>
internal static class PairStatisticsJson
{
    /// <summary>A power of two: many more than the demo store's 2,541 mined pairs, so its lists rarely share a set.</summary>
    public const int Entries = 1 << 16;

    private const int SetMask = (Entries / 2) - 1;

    private static readonly Entry?[] s_entries = new Entry?[Entries];

    public static byte[] For(MinedCandidate pair, Action<Utf8JsonWriter, MinedCandidate> write)
    {
        var first = (RuntimeHelpers.GetHashCode(pair) & SetMask) * 2;
        var kept = Volatile.Read(ref s_entries[first]);
        if (kept is not null && ReferenceEquals(kept.Pair, pair))
        {
            return kept.Json;
        }
        var second = Volatile.Read(ref s_entries[first + 1]);
        if (second is not null && ReferenceEquals(second.Pair, pair))
        {
            return second.Json;
        }
        var json = BufferedJson.ToKeep(pair, write);
        // Racing writers may drop an entry; it is written again when next asked for.
        Volatile.Write(ref s_entries[first + 1], kept);
        Volatile.Write(ref s_entries[first], new Entry(pair, json));
        return json;
    }

    private sealed class Entry(MinedCandidate pair, byte[] json)
    {
        public MinedCandidate Pair => pair;

        public byte[] Json => json;
    }
}
