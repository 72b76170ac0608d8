using MerchDashboard.Data.Entities;
using MerchDashboard.Engine.Experiments;
using MerchDashboard.Features.Experiments;
using MerchDashboard.Tests.Features.Dashboards;
using MerchDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MerchDashboard.Tests.Features.Experiments;

public sealed class ExperimentCommandsTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private SqliteTestDatabase _database = default!;
    private ServiceProvider _services = default!;

    private ExperimentCommands Commands => _services.GetRequiredService<ExperimentCommands>();

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        (await _database.CreateImporter().ImportAsync(DashboardTestStore.Files())).Succeeded.ShouldBeTrue();
        _services = new ServiceCollection().AddExperimentTestServices(_database).BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Create_FromTheStoresOrders_PlansTheHandComputedSamplePerArm()
    {
        // Order values 40, 50, 55, 20, 70, 20, 30: mean 40.714, s² = 353.571; 2 × 2.801585² × 353.571 / (0.05 × 40.714)² = 1339.3.
        var (created, error) = await Commands.CreateAsync(ExperimentTestServices.Draft("aov test"), "manager", Ct);

        error.ShouldBeNull();
        created!.PlannedSamplePerArm.ShouldBe(1340);
        created.Status.ShouldBe(ExperimentStatus.Draft);
        created.CreatedBy.ShouldBe("manager");
    }

    [Theory]
    [InlineData("", "control=50,both=50", "name")]
    [InlineData("x", "control=50,both=40", "add up to 90%")]
    public async Task Create_BadDraft_MessageAndNothingStored(string name, string arms, string expected)
    {
        var (created, error) = await Commands.CreateAsync(ExperimentTestServices.Draft(name, arms), "manager", Ct);

        created.ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain(expected);
        (await Commands.ListAsync(Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Start_WhileAnotherRuns_RefusedNamingTheRunningOne()
    {
        await Commands.CreateAsync(ExperimentTestServices.Draft("first"), "m", Ct);
        await Commands.CreateAsync(ExperimentTestServices.Draft("second"), "m", Ct);
        (await Commands.StartAsync("first", Ct)).ShouldBeNull();

        var error = await Commands.StartAsync("second", Ct);

        error.ShouldNotBeNull().ShouldContain("'first' is running");
        (await Commands.FindAsync("second", Ct))!.Status.ShouldBe(ExperimentStatus.Draft);
        (await Commands.PauseAsync("first", Ct)).ShouldBeNull();
        (await Commands.StartAsync("second", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task RunningSlot_TwoRowsRunningWrittenDirectly_DatabaseRefuses()
    {
        await using var db = _database.CreateDbContext();
        db.Experiments.AddRange(Row("a"), Row("b"));

        await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));

        static Experiment Row(string name) => new() { Name = name, Arms = "control=50,both=50", PrimaryKpi = "aov", Status = ExperimentStatus.Running, RunningSlot = 1 };
    }

    [Fact]
    public async Task StopAndPause_Lifecycle_StatusesAndAssignmentFollow()
    {
        await Commands.CreateAsync(ExperimentTestServices.Draft("life"), "m", Ct);
        var assignment = _services.GetRequiredService<ExperimentAssignment>();
        assignment.Assign("C1", null).ShouldBeNull();

        (await Commands.PauseAsync("life", Ct)).ShouldNotBeNull().ShouldContain("not running");
        (await Commands.StartAsync("life", Ct)).ShouldBeNull();
        assignment.Assign("C1", null)!.ExperimentName.ShouldBe("life");
        assignment.Assign(null, null).ShouldBeNull();
        (await Commands.StopAsync("life", Ct)).ShouldBeNull();

        assignment.Assign("C1", null).ShouldBeNull();
        var stopped = (await Commands.FindAsync("life", Ct))!;
        stopped.Status.ShouldBe(ExperimentStatus.Stopped);
        stopped.StoppedAt.ShouldNotBeNull();
        (await Commands.StartAsync("life", Ct)).ShouldNotBeNull().ShouldContain("cannot change");
    }

    [Fact]
    public async Task Assign_TwoServiceInstancesOverOneDatabase_SameArmForEveryShopper()
    {
        await Commands.CreateAsync(ExperimentTestServices.Draft("instances"), "m", Ct);
        await Commands.StartAsync("instances", Ct);
        var first = new ExperimentAssignment(_database);
        var second = new ExperimentAssignment(_database);
        await first.ReloadAsync(Ct);
        await second.ReloadAsync(Ct);

        var shoppers = Enumerable.Range(0, 2_000).Select(i => i % 3 == 0 ? $"visitor-{i}" : $"C{i}").ToList();

        shoppers.Select(s => first.Assign(s, null)!.Arm).ShouldBe(shoppers.Select(s => second.Assign(s, null)!.Arm));
        first.Assign(null, "v-7")!.Arm.ShouldBe(ArmAssigner.Assign(first.Running!.Id, "v-7", first.Running.Arms));
        first.Assign("C1", "v-7")!.ShopperId.ShouldBe("C1");
        shoppers.Select(s => first.Assign(s, null)!.Arm).Distinct().Count().ShouldBe(4);
    }
}
