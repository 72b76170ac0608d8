using Bunit;
using MerchDashboard.Data;
using MerchDashboard.Engine.Catalog;
using MerchDashboard.Features.Account;
using MerchDashboard.Features.Curation;
using MerchDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace MerchDashboard.Tests.Features.Curation;

[Collection(nameof(CurationStoreFixture))]
public sealed class ProductEditorPageTests(CurationStoreFixture fixture) : MudBunitContext, IAsyncLifetime
{
    private readonly CurationTestStore _store = fixture.Store;

    public async ValueTask InitializeAsync()
    {
        await fixture.ResetAsync();
        Services.AddSingleton<IDbContextFactory<AppDbContext>>(_store.Database);
        Services.AddSingleton<TimeProvider>(_store.Time);
        Services.AddSingleton(_store.Snapshots);
        Services.AddSingleton(_store.Commands);
        Services.AddSingleton<CurationHistoryQueries>();
    }


    private IRenderedComponent<ProductEditorPage> RenderEditor(bool canCurate = true)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(canCurate ? "merch" : "staff");
        auth.SetPolicies(canCurate ? [Policies.ViewSuggestions, Policies.Curate] : [Policies.ViewSuggestions]);
        RenderMudProviders();
        var page = Render<ProductEditorPage>(p => p.Add(x => x.Sku, "RC-1"));
        page.WaitForAssertion(() => page.FindAll("[data-testid^=slot-]").ShouldNotBeEmpty());
        return page;
    }

    private static string SlotName(IRenderedComponent<ProductEditorPage> page, int position) =>
        page.Find($"[data-testid=slot-{position}] [data-testid=slot-name]").TextContent;

    [Fact]
    public async Task Pin_ItemAtSlot_ShownThereWithPinnedBadgeAndInHistory()
    {
        var page = RenderEditor();
        SlotName(page, 1).ShouldBe("AA Batteries 8-pack");
        var bat3 = _store.Snapshots.Current.ProductBySku("BAT-3")!;

        await page.InvokeAsync(() => page.FindComponent<MudAutocomplete<ProductInfo>>().Instance.ValueChanged.InvokeAsync(bat3));
        await page.InvokeAsync(() => page.FindComponent<MudNumericField<int?>>().Instance.ValueChanged.InvokeAsync(1));
        page.Find("button[data-testid=pin]").Click();

        page.WaitForAssertion(() => SlotName(page, 1).ShouldBe("9V Battery"));
        page.Find("[data-testid=slot-1] [data-testid=slot-source]").TextContent.ShouldBe("Pinned");
        SlotName(page, 2).ShouldBe("AA Batteries 8-pack");
        page.Find("[data-testid=list-status]").TextContent.ShouldBe("Curated");
        page.WaitForAssertion(() => page.Find("[data-testid=history-entry]").TextContent.ShouldContain("Pinned 9V Battery (BAT-3) at slot 1"));
        page.Find("[data-testid=history-entry]").TextContent.ShouldContain("merch");
    }

    [Fact]
    public void Exclude_SlotWithReason_ItemDisappears()
    {
        var page = RenderEditor();

        page.Find("[data-testid=slot-1] button[data-testid=exclude]").Click();
        page.Find("[data-testid=exclude-form] input").Change("wrong size");
        page.Find("button[data-testid=exclude-confirm]").Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid=slot-name]").Select(e => e.TextContent).ShouldNotContain("AA Batteries 8-pack"));
        SlotName(page, 1).ShouldBe("AA Batteries 4-pack");
        page.Find("[data-testid=overrides]").TextContent.ShouldContain("wrong size");
    }

    [Fact]
    public async Task Lock_WholeList_StatusLockedAndFrozenApartFromThePins()
    {
        var page = RenderEditor();
        var sources = page.FindAll("[data-testid=slot-source]").Select(e => e.TextContent).ToList();

        page.Find("button[data-testid=lock]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=list-status]").TextContent.ShouldBe("Locked"));
        var saved = await _store.Commands.GetAsync(_store.Ids["RC-1"]);
        saved.State.Frozen.Select(f => f.ProductId).ShouldBe([_store.Ids["BAT-1"], _store.Ids["BAT-2"], _store.Ids["CHG-1"]]);
        saved.State.Overrides.ShouldBeEmpty();
        page.FindAll("[data-testid=slot-locked]").Count.ShouldBe(3);
        page.FindAll("[data-testid=slot-source]").Select(e => e.TextContent).ShouldBe(sources);
    }

    [Fact]
    public async Task LockThenUnlock_WithAPin_StatusCuratedAndThePinAlone()
    {
        var page = RenderEditor();
        var before = page.FindAll("[data-testid=slot-name]").Select(e => e.TextContent).ToList();
        (await _store.Commands.ApplyAsync(_store.Ids["RC-1"], 0, new CurationChange.Pin(_store.Ids["CHG-1"], 1), "merch")).Succeeded.ShouldBeTrue();
        page.WaitForAssertion(() => page.Find("[data-testid=list-status]").TextContent.ShouldBe("Curated"));
        var curated = page.FindAll("[data-testid=slot-name]").Select(e => e.TextContent).ToList();

        page.Find("button[data-testid=lock]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=list-status]").TextContent.ShouldBe("Locked"));
        page.Find("button[data-testid=unlock]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=list-status]").TextContent.ShouldBe("Curated"));
        page.FindAll("[data-testid=slot-name]").Select(e => e.TextContent).ShouldBe(curated);
        curated.ShouldNotBe(before);
        var saved = await _store.Commands.GetAsync(_store.Ids["RC-1"]);
        saved.State.Overrides.ShouldHaveSingleItem().ProductId.ShouldBe(_store.Ids["CHG-1"]);
        saved.State.Frozen.ShouldBeEmpty();
    }

    [Fact]
    public async Task UndoRedo_TwoChanges_EachStepRestoredAndRedone()
    {
        var page = RenderEditor();
        page.Find("button[data-testid=lock]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=list-status]").TextContent.ShouldBe("Locked"));
        page.Find("button[data-testid=unlock]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=list-status]").TextContent.ShouldBe("Auto"));

        page.Find("button[data-testid=undo]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=list-status]").TextContent.ShouldBe("Locked"));
        page.Find("button[data-testid=undo]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=list-status]").TextContent.ShouldBe("Auto"));
        page.Find("button[data-testid=undo]").HasAttribute("disabled").ShouldBeTrue();
        page.Find("button[data-testid=redo]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=list-status]").TextContent.ShouldBe("Locked"));
        (await _store.Commands.GetAsync(_store.Ids["RC-1"])).Version.ShouldBe(5);
    }

    [Fact]
    public async Task Lock_AfterAnotherInstanceChangedTheList_ConflictShownWithCurrentStateAndNothingOverwritten()
    {
        var page = RenderEditor();
        // Another server instance: its change is not announced to this one.
        var elsewhere = new CurationCommands(_store.Database, new CurationChangeNotifier(), _store.Time);
        (await elsewhere.ApplyAsync(_store.Ids["RC-1"], 0, new CurationChange.Exclude(_store.Ids["CHG-1"], "recalled"), "ann")).Succeeded.ShouldBeTrue();

        page.Find("button[data-testid=lock]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=conflict]").TextContent.ShouldContain("Someone else changed this list"));
        page.Find("[data-testid=conflict]").TextContent.ShouldContain("last by ann");
        page.Find("[data-testid=list-status]").TextContent.ShouldBe("Curated");
        page.Find("[data-testid=overrides]").TextContent.ShouldContain("recalled");
        (await _store.Commands.GetAsync(_store.Ids["RC-1"])).Version.ShouldBe(1);
    }

    [Fact]
    public void Render_UserWithoutCurate_NoEditControls()
    {
        var page = RenderEditor(canCurate: false);

        page.FindAll("[data-testid=list-actions]").ShouldBeEmpty();
        page.FindAll("[data-testid=exclude]").ShouldBeEmpty();
        page.FindAll("[data-testid=undo]").ShouldBeEmpty();
        page.FindAll("[aria-label^='Move ']").ShouldBeEmpty();
        page.Find("[data-testid=read-only]").TextContent.ShouldBe("Read only");
        page.Find("[data-testid=mined]").TextContent.ShouldContain("Bought together in 212 orders — 18% of orders with this product include it; 3.4× more often than chance");
    }

    [Fact]
    public async Task Add_RefusedByAConflict_TheTypedNoteAndItemStay()
    {
        var page = RenderEditor();
        var elsewhere = new CurationCommands(_store.Database, new CurationChangeNotifier(), _store.Time);
        (await elsewhere.ApplyAsync(_store.Ids["RC-1"], 0, new CurationChange.SetNote("changed elsewhere"), "ann")).Succeeded.ShouldBeTrue();
        var charger = _store.Snapshots.Current.Product(_store.Ids["CHG-1"])!;
        await page.InvokeAsync(() => page.FindComponent<MudBlazor.MudAutocomplete<MerchDashboard.Engine.Catalog.ProductInfo>>().Instance.ValueChanged.InvokeAsync(charger));
        page.Find("input[data-testid=override-note]").Change("for the holiday promo");

        page.Find("button[data-testid=add]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=conflict]").TextContent.ShouldContain("last by ann"));
        page.Find("input[data-testid=override-note]").GetAttribute("value").ShouldBe("for the holiday promo");
        page.Find("button[data-testid=add]").HasAttribute("disabled").ShouldBeFalse("the item is still chosen");
    }

    [Fact]
    public async Task History_PreviewThenRestoreAnEarlierEntry_ListAsItWasAfterIt()
    {
        var car = _store.Ids["RC-1"];
        (await _store.Commands.ApplyAsync(car, 0, new CurationChange.Pin(_store.Ids["CHG-1"], 1), "merch")).Succeeded.ShouldBeTrue();
        (await _store.Commands.ApplyAsync(car, 1, new CurationChange.RevertToAuto(), "merch")).Succeeded.ShouldBeTrue();
        var page = RenderEditor();
        page.WaitForAssertion(() => page.FindAll("[data-testid=history-entry]").Count.ShouldBe(2));

        page.FindAll("button[data-testid=history-preview]")[1].Click();
        page.FindAll("[data-testid=history-preview-slot]")[0].TextContent.ShouldStartWith("1. " + _store.Snapshots.Current.Product(_store.Ids["CHG-1"])!.Name);
        page.Find("button[data-testid=history-restore]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=list-status]").TextContent.ShouldBe("Curated"));
        SlotName(page, 1).ShouldBe(_store.Snapshots.Current.Product(_store.Ids["CHG-1"])!.Name);
        (await _store.Commands.GetAsync(car)).State.Overrides.ShouldHaveSingleItem().ProductId.ShouldBe(_store.Ids["CHG-1"]);
        page.FindAll("[data-testid=history-entry]")[0].TextContent.ShouldContain("Restored the list as it was after");
    }
}
