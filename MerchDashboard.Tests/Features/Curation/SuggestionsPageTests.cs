using Bunit;
using MerchDashboard.Features.Account;
using MerchDashboard.Features.Curation;
using MerchDashboard.Features.Serving;
using MerchDashboard.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Tests.Features.Curation;

[Collection(nameof(CurationStoreFixture))]
public sealed class SuggestionsPageTests(CurationStoreFixture fixture) : MudBunitContext, IAsyncLifetime
{
    private readonly CurationTestStore _store = fixture.Store;

    public async ValueTask InitializeAsync()
    {
        await fixture.ResetAsync();
        Services.AddSingleton<TimeProvider>(_store.Time);
        Services.AddSingleton(_store.Snapshots);
        Services.AddSingleton(_store.Commands);
        Services.AddSingleton(new SnapshotCache(Options.Create(new SnapshotCacheOptions())));
        Services.AddSingleton<SuggestionQueries>();
        Services.AddSingleton<BulkCurationCommands>();
        var auth = AddAuthorization();
        auth.SetAuthorized("merch");
        auth.SetPolicies(Policies.ViewSuggestions, Policies.Curate);
        RenderMudProviders();
    }


    [Fact]
    public void Render_35Products_OnlyTheFirstPageOf25ReachesTheBrowserCuratedFirst()
    {
        var page = Render<SuggestionsPage>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=row-sku]").Count.ShouldBe(25));
        page.Markup.ShouldContain("1-25 of 35");
    }

    [Fact]
    public async Task BulkLock_SelectedRowsAfterConfirming_LockedAndSummarised()
    {
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        var page = Render<SuggestionsPage>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=row-sku]").Count.ShouldBe(25));

        // Searching "RC-1" lists RC-1 (three mined items) then RC-10 (no candidate: nothing to lock).
        await page.InvokeAsync(() => page.FindComponent<MudBlazor.MudTextField<string>>().Instance.ValueChanged.InvokeAsync("RC-1"));
        page.WaitForAssertion(() => page.FindAll("[data-testid=row-sku]").Select(e => e.TextContent).Take(2).ShouldBe(["RC-1", "RC-10"]), TimeSpan.FromSeconds(5));
        foreach (var checkbox in page.FindAll("tbody input[type=checkbox]").Take(2))
        {
            checkbox.Change(true);
        }
        page.Find("button[data-testid=bulk-lock]").Click();
        dialogs.WaitForAssertion(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Lock").Click());

        page.WaitForAssertion(() => page.Find("[data-testid=bulk-result]").TextContent.ShouldContain("Locked 1 list; 1 refused."));
        page.Find("[data-testid=bulk-result]").TextContent.ShouldContain("There is nothing to lock");
        (await _store.Commands.GetAsync(_store.Ids["RC-1"])).State.Mode.ShouldBe(MerchDashboard.Data.Entities.ListMode.Locked);
    }

    [Fact]
    public async Task Url_FiltersSortAndPage_RestoredFromItAndWrittenBackOnChange()
    {
        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        navigation.NavigateTo("suggestions?q=RC&sort=Sku&page=2");

        var page = Render<SuggestionsPage>();

        page.WaitForAssertion(() => page.Markup.ShouldContain("26-"));
        page.FindAll("[data-testid=row-sku]").Select(e => e.TextContent).ShouldBeInOrder(SortDirection.Ascending, StringComparer.Ordinal);
        await page.InvokeAsync(() => page.FindComponent<MudBlazor.MudTextField<string>>().Instance.ValueChanged.InvokeAsync("RC-1"));
        page.WaitForAssertion(() => navigation.Uri.ShouldContain("q=RC-1"));
        navigation.Uri.ShouldContain("sort=Sku");
    }
}
