using MerchDashboard.Features.Serving;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Tests.Features.Serving;

public sealed class SnapshotCacheTests
{
    private static SnapshotCache Cache(int entries = 64) => new(Options.Create(new SnapshotCacheOptions { Entries = entries }));

    [Fact]
    public void GetOrCreate_ManyCallersAtOnce_CreateTheValueOnce()
    {
        using var cache = Cache();
        var created = 0;

        var values = Enumerable.Range(0, 64).AsParallel().WithDegreeOfParallelism(8)
            .Select(_ => cache.GetOrCreate(("rows", 7L), () => { Interlocked.Increment(ref created); Thread.Sleep(20); return new object(); }))
            .Distinct().Count();

        created.ShouldBe(1);
        values.ShouldBe(1);
    }

    [Fact]
    public void GetOrCreate_NextSnapshotVersion_Misses()
    {
        using var cache = Cache();

        var first = cache.GetOrCreate(("rows", 1L), () => "version 1");
        var second = cache.GetOrCreate(("rows", 2L), () => "version 2");

        (first, second).ShouldBe(("version 1", "version 2"));
        cache.GetOrCreate(("rows", 1L), () => "recomputed").ShouldBe("version 1");
    }

    [Fact]
    public void GetOrCreate_PastTheEntryBudget_KeepsAtMostTheBudgetAndStillAnswers()
    {
        using var cache = Cache(entries: 8);

        for (var version = 0L; version < 100; version++)
        {
            cache.GetOrCreate(("rows", version), () => version * 2).ShouldBe(version * 2);
        }

        cache.Statistics!.CurrentEntryCount.ShouldBeLessThanOrEqualTo(8);
    }

    [Fact]
    public void GetOrCreate_CreateThrows_NothingCachedAndTheNextCallCreatesAgain()
    {
        using var cache = Cache();

        Should.Throw<InvalidOperationException>(() => cache.GetOrCreate<string>("facts", () => throw new InvalidOperationException("database gone")));

        cache.GetOrCreate("facts", () => "loaded").ShouldBe("loaded");
    }

    [Fact]
    public async Task GetOrStart_FailedTask_StartedAnewAndTheSuccessKept()
    {
        using var cache = Cache();
        var starts = 0;
        Task<int> Start() => ++starts == 1 ? Task.FromException<int>(new InvalidOperationException("first load failed")) : Task.FromResult(42);

        (await cache.GetOrStart("facts", Start)).ShouldBe(42);
        (await cache.GetOrStart("facts", Start)).ShouldBe(42);

        starts.ShouldBe(2);
    }
}
