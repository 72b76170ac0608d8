using MerchDashboard.Engine.Composition;
using MerchDashboard.Features.Serving;

namespace MerchDashboard.Tests.Features.Serving;

public sealed class ServingTimelineTests
{
    private static readonly DateTime Day = new(2026, 11, 25, 0, 0, 0, DateTimeKind.Utc);

    private static StoreSnapshot SnapshotWith(DateTime loadedAt, params IReadOnlyList<Override>[] overridesPerList) =>
        StoreSnapshot.Empty with
        {
            LoadedAt = loadedAt,
            Curation = overridesPerList.Select((overrides, i) => (Anchor: i + 1, Entry: new CuratedEntry(new CurationState(CurationMode.Curated, overrides), 1)))
                .ToDictionary(x => x.Anchor, x => x.Entry),
        };

    [Fact]
    public void At_NoOverrides_TheLoadTimeThatDayThenTheStartOfEachLaterDay()
    {
        var timeline = ServingTimeline.Of(SnapshotWith(Day.AddHours(8)));

        timeline.At(Day.AddHours(9)).ShouldBe(new ServedInstant(Day.AddHours(8), Day.AddDays(1)));
        timeline.At(Day.AddHours(23.99)).ShouldBe(new ServedInstant(Day.AddHours(8), Day.AddDays(1)));
        timeline.At(Day.AddDays(1)).ShouldBe(new ServedInstant(Day.AddDays(1), Day.AddDays(2)));
        timeline.At(Day.AddDays(3.5)).ShouldBe(new ServedInstant(Day.AddDays(3), Day.AddDays(4)));
    }

    [Fact]
    public void At_PinExpiringAtNoon_ChangesExactlyAtNoon()
    {
        var noon = Day.AddHours(12);
        var timeline = ServingTimeline.Of(SnapshotWith(Day.AddHours(8), [new Pin(7, 1, ExpiresAt: noon)]));

        timeline.At(noon.AddTicks(-1)).ShouldBe(new ServedInstant(Day.AddHours(8), noon));
        timeline.At(noon).ShouldBe(new ServedInstant(noon, Day.AddDays(1)));
    }

    [Fact]
    public void At_LoadedAfterNow_StartOfTheDayUntilTheLoad()
    {
        var timeline = ServingTimeline.Of(SnapshotWith(Day.AddHours(8)));

        timeline.At(Day.AddHours(7)).ShouldBe(new ServedInstant(Day, Day.AddHours(8)));
    }

    /// <summary>
    /// The property the cache relies on: every override is in effect at the served as-of exactly when it is in effect
    /// now, and every instant up to <see cref="ServedInstant.Until"/> is served the same as-of.
    /// </summary>
    [Fact]
    public void At_RandomOverrideWindows_EveryOverrideInEffectAtTheAsOfExactlyWhenNow()
    {
        var random = new Random(19);
        for (var store = 0; store < 200; store++)
        {
            var lists = Enumerable.Range(0, random.Next(1, 6)).Select(_ => (IReadOnlyList<Override>)[.. Enumerable.Range(0, random.Next(0, 5)).Select(_ => RandomOverride(random))]).ToArray();
            var snapshot = SnapshotWith(Day.AddHours(random.Next(-48, 48)), lists);
            var timeline = ServingTimeline.Of(snapshot);
            var overrides = lists.SelectMany(l => l).ToList();
            for (var probe = 0; probe < 50; probe++)
            {
                var now = Day.AddMinutes(random.Next(-3 * 1440, 4 * 1440)).AddSeconds(random.Next(60));
                var served = timeline.At(now);

                served.AsOf.ShouldBeLessThanOrEqualTo(now);
                served.Until.ShouldBeGreaterThan(now);
                served.AsOf.ShouldBeGreaterThanOrEqualTo(now.Date);
                foreach (var item in overrides)
                {
                    item.IsInEffectAt(served.AsOf).ShouldBe(item.IsInEffectAt(now), $"{item} at {now:O}, served as of {served.AsOf:O}");
                }
                timeline.At(served.AsOf).ShouldBe(served);
                timeline.At(served.Until.AddTicks(-1)).ShouldBe(served);
            }
        }
    }

    private static Override RandomOverride(Random random)
    {
        DateTime? starts = random.Next(3) == 0 ? null : Day.AddMinutes(random.Next(-2 * 1440, 3 * 1440));
        DateTime? expires = random.Next(3) == 0 ? null : (starts ?? Day).AddMinutes(random.Next(1, 2 * 1440));
        return random.Next(3) switch
        {
            0 => new Pin(random.Next(1, 50), random.Next(1, 7), StartsAt: starts, ExpiresAt: expires),
            1 => new Add(random.Next(1, 50), 1, StartsAt: starts, ExpiresAt: expires),
            _ => new Exclude(random.Next(1, 50), "why", starts, expires),
        };
    }
}
