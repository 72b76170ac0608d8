using MerchDashboard.Engine.Composition;
using MerchDashboard.Features.Curation;
using MerchDashboard.Features.Serving;
using MerchDashboard.Tests.TestSupport;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Tests.Features.Curation;

[Collection(nameof(CurationStoreFixture))]
public sealed class SuggestionQueriesTests(CurationStoreFixture fixture) : IAsyncLifetime
{
    private readonly CurationTestStore _store = fixture.Store;
    private SuggestionQueries _queries = null!;

    public async ValueTask InitializeAsync()
    {
        await fixture.ResetAsync();
        _queries = new SuggestionQueries(_store.Snapshots, _store.Time, new SnapshotCache(Options.Create(new SnapshotCacheOptions())));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public void Page_SecondPageBySku_HoldsTheNextRowsAndTheTotal()
    {
        // 35 products sorted by SKU: BAT-1..4, CHG-1, RC-02..RC-09, RC-1, RC-10..RC-30.
        var page = _queries.Page(new SuggestionFilter(), SuggestionSort.Sku, descending: false, page: 1, pageSize: 10);

        page.TotalCount.ShouldBe(35);
        page.Rows.Select(r => r.Product.Sku).ShouldBe(["RC-07", "RC-08", "RC-09", "RC-1", "RC-10", "RC-11", "RC-12", "RC-13", "RC-14", "RC-15"]);
    }

    [Fact]
    public async Task Page_FilterByStatusAndSearch_OnlyMatchingRows()
    {
        var car = _store.Ids["RC-1"];
        (await _store.Commands.ApplyAsync(car, 0, new CurationChange.LockList(FrozenSlots.Of([_store.Ids["BAT-1"]]), null), "merch")).Succeeded.ShouldBeTrue();
        await _store.Snapshots.ReloadCurationAsync();

        var locked = _queries.Page(new SuggestionFilter(Mode: CurationMode.Locked), SuggestionSort.Sku, false, 0, 10);
        var searched = _queries.Page(new SuggestionFilter(Search: "car 1"), SuggestionSort.Name, true, 0, 5);

        locked.TotalCount.ShouldBe(1);
        locked.Rows.Single().Status.ShouldBe("Locked");
        locked.Rows.Single().SlotCount.ShouldBe(1);
        searched.TotalCount.ShouldBe(10);
        searched.Rows.Select(r => r.Product.Name).ShouldBe(["Car 19", "Car 18", "Car 17", "Car 16", "Car 15"]);
    }

    [Fact]
    public void Page_FilterByAlert_OnlyListsWithThatAlert()
    {
        // Only RC-1 has candidates; every other list is empty, and so short (K = 6).
        var shortLists = _queries.Page(new SuggestionFilter(Alert: AlertKind.ShortList), SuggestionSort.Sku, false, 0, 50);
        var drifted = _queries.Page(new SuggestionFilter(Alert: AlertKind.Drift), SuggestionSort.Sku, false, 0, 50);

        shortLists.TotalCount.ShouldBe(35);
        drifted.TotalCount.ShouldBe(0);
    }
}
