using Bunit;
using MerchDashboard.Engine.Composition;
using MerchDashboard.Features.Account;
using MerchDashboard.Features.Rules;
using MerchDashboard.Tests.Features.Curation;
using MerchDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace MerchDashboard.Tests.Features.Rules;

[Collection(nameof(CurationStoreFixture))]
public sealed class CategoryPairingsPanelTests(CurationStoreFixture fixture) : MudBunitContext, IAsyncLifetime
{
    private readonly CurationTestStore _store = fixture.Store;

    public async ValueTask InitializeAsync()
    {
        await fixture.ResetAsync();
        Services.AddSingleton(new CategoryPairingCommands(_store.Database, _store.Snapshots, _store.Time));
    }

    private IRenderedComponent<CategoryPairingsPanel> RenderPanel(params string[] policies)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("merch");
        auth.SetPolicies(policies);
        RenderMudProviders();
        var panel = Render<CategoryPairingsPanel>();
        panel.WaitForAssertion(() => panel.FindComponents<MudSelect<CategoryPairing>>().ShouldNotBeEmpty());
        return panel;
    }

    private int Batteries => _store.Snapshots.Current.Catalog.CategoryNames.Single(c => c.Value == "Batteries").Key;

    [Fact]
    public async Task Select_AreAlternatives_SavedAndAppliedToTheSnapshot()
    {
        var panel = RenderPanel(Policies.Curate);
        var select = panel.FindComponents<MudSelect<CategoryPairing>>().Single(s => s.Instance.UserAttributes["data-testid"]!.Equals($"pairing-{Batteries}"));

        await panel.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(CategoryPairing.Alternatives));

        panel.WaitForAssertion(() => panel.Find("[data-testid=pairing-result]").TextContent
            .ShouldBe("Items of Batteries: items are alternatives. Every list applies it now."));
        _store.Snapshots.Current.Catalog.PairingOf(Batteries).ShouldBe(CategoryPairing.Alternatives);
    }

    [Fact]
    public async Task Select_WithoutTheCuratePolicy_RefusedServerSideAndNothingSaved()
    {
        var panel = RenderPanel();
        var select = panel.FindComponents<MudSelect<CategoryPairing>>()[0];
        select.Instance.Disabled.ShouldBeTrue();

        await panel.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(CategoryPairing.GoTogether));

        panel.Find("[data-testid=pairing-error]").TextContent.ShouldBe("Only merchandisers may change how a category's items relate.");
        await using var db = _store.Database.CreateDbContext();
        (await db.CategoryPairings.CountAsync(Xunit.TestContext.Current.CancellationToken)).ShouldBe(0);
    }
}
