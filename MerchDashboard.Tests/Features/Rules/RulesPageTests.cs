using Bunit;
using MerchDashboard.Features.Account;
using MerchDashboard.Features.Rules;
using MerchDashboard.Tests.Features.Curation;
using MerchDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace MerchDashboard.Tests.Features.Rules;

[Collection(nameof(CurationStoreFixture))]
public sealed class RulesPageTests(CurationStoreFixture fixture) : MudBunitContext, IAsyncLifetime
{
    private readonly CurationTestStore _store = fixture.Store;

    public async ValueTask InitializeAsync()
    {
        await fixture.ResetAsync();
        Services.AddSingleton(_store.Snapshots);
        Services.AddSingleton(new ComplementRuleCommands(_store.Database, _store.Snapshots, _store.Time));
        Services.AddSingleton(new CategoryPairingCommands(_store.Database, _store.Snapshots, _store.Time));
    }

    private async Task<IRenderedComponent<RulesPage>> FillFormAsync(params string[] policies)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("merch");
        auth.SetPolicies(policies);
        RenderMudProviders();
        var page = Render<RulesPage>();
        var categories = _store.Snapshots.Current.Catalog.CategoryNames.ToDictionary(c => c.Value, c => c.Key);
        var selects = page.FindComponents<MudSelect<int?>>();
        await page.InvokeAsync(() => selects[0].Instance.ValueChanged.InvokeAsync(categories["RC cars"]));
        await page.InvokeAsync(() => selects[1].Instance.ValueChanged.InvokeAsync(categories["Batteries"]));
        return page;
    }

    [Fact]
    public async Task Save_NewCategoryRule_ListedWithTheListsItNowAffects()
    {
        var page = await FillFormAsync(Policies.Curate);

        page.Find("button[data-testid=save-rule]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=rule-result]").TextContent
            .ShouldBe("Saved. The rule matches 30 products; 30 of their lists now show an item of Batteries."));
        page.Find("[data-testid=rules-table]").TextContent.ShouldContain("RC cars");
    }

    [Fact]
    public async Task Save_UserWithoutCurate_RefusedOnTheServer()
    {
        var page = await FillFormAsync(Policies.ViewSuggestions);

        page.Find("button[data-testid=save-rule]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=rule-error]").TextContent.ShouldBe("Only merchandisers may change rules."));
        await using var db = _store.Database.CreateDbContext();
        (await db.ComplementRules.CountAsync()).ShouldBe(0);
    }
}
