using Bunit;
using MerchDashboard.Data.Entities;
using MerchDashboard.Features.Experiments;
using MerchDashboard.Features.Serving;
using MerchDashboard.Tests.Features.Dashboards;
using MerchDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace MerchDashboard.Tests.Features.Experiments;

public sealed class ExperimentsPageTests : MudBunitContext, IAsyncLifetime
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;
    private SqliteTestDatabase _database = default!;

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        (await _database.CreateImporter().ImportAsync(DashboardTestStore.Files())).Succeeded.ShouldBeTrue();
        Services.AddExperimentTestServices(_database);
        await Services.GetRequiredService<StoreSnapshotService>().ReloadAllAsync(Ct);
        SetRendererInfo(new RendererInfo("Server", true));
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task CreateThenStart_FromThePage_SampleSizeShownAndExperimentRunsAndAssigns()
    {
        RenderMudProviders();
        var page = Render<ExperimentsPage>();
        page.Find("[data-testid=experiments-empty]");

        await page.Find("[data-testid=experiment-new]").ClickAsync(new());
        // AOV of the seven orders: mean 40.71, s² = 353.57; a 5% change needs 1,340 orders per arm.
        page.WaitForAssertion(() => page.Find("[data-testid=experiment-sample-size]").TextContent
            .ShouldContain("each arm needs 1,340 orders (from 7 orders in the store)"));
        page.Find("[data-testid=experiment-form] input").Input("Locked vs personalized");
        await page.Find("[data-testid=experiment-create]").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[data-testid=detail-status]").TextContent.ShouldBe("draft"));
        page.FindAll("[data-testid=experiment-row]").Count.ShouldBe(1);
        await page.Find("[data-testid=experiment-start-button]").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[data-testid=detail-status]").TextContent.ShouldBe("running"));
        var stored = (await Services.GetRequiredService<ExperimentCommands>().FindAsync("Locked vs personalized", Ct))!;
        stored.Status.ShouldBe(ExperimentStatus.Running);
        stored.Arms.ShouldBe("control=25,cross-sell=25,personalization=25,both=25");
        stored.PlannedSamplePerArm.ShouldBe(1340);
        Services.GetRequiredService<ExperimentAssignment>().Assign("C1", null)!.ExperimentName.ShouldBe("Locked vs personalized");
        page.FindAll("[data-testid=experiment-pause-button]").Count.ShouldBe(1);
        page.FindAll("[data-testid=experiment-arms] tbody tr").Count.ShouldBe(4);
    }

    [Fact]
    public async Task LiveExperimentComparison_StartedExperimentPicked_ShowsItsArmsAndKpis()
    {
        var commands = Services.GetRequiredService<ExperimentCommands>();
        await commands.CreateAsync(ExperimentTestServices.Draft("draft only"), "m", Ct);
        await commands.CreateAsync(ExperimentTestServices.Draft("live", "control=50,both=50"), "m", Ct);
        await commands.StartAsync("live", Ct);
        RenderMudProviders();
        var tab = Render<LiveExperimentComparison>();
        tab.FindAll("[data-testid=experiment-arms]").ShouldBeEmpty();

        var select = tab.FindComponent<MudBlazor.MudSelect<string>>();
        await tab.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync("live"));

        tab.WaitForAssertion(() => tab.FindAll("[data-testid=experiment-arms] tbody tr").Count.ShouldBe(2));
        tab.Find("[data-testid=arm-control]").TextContent.ShouldContain("50%");
        tab.FindAll("[data-testid=experiment-kpis] tbody tr").Count.ShouldBe(16);
    }
}
