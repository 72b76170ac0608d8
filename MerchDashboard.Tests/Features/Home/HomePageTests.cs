using Bunit;
using MerchDashboard.Data;
using MerchDashboard.Features.Home;
using MerchDashboard.Features.Serving;
using MerchDashboard.Tests.Data.Import;
using MerchDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace MerchDashboard.Tests.Features.Home;

public class HomePageTests : MudBunitContext
{
    [Fact]
    public async Task HomePage_ImportedStore_ShowsFiguresFromTheDatabase()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        (await database.CreateImporter().ImportAsync(StoreImporterTests.Store(), ct: Xunit.TestContext.Current.CancellationToken)).Succeeded.ShouldBeTrue();
        Services.AddSingleton<IDbContextFactory<AppDbContext>>(database);
        Services.AddSingleton<StoreOverviewQueries>();
        Services.AddSingleton(new StoreSnapshotService(new StoreSnapshotLoader(database, TimeProvider.System), NullLogger<StoreSnapshotService>.Instance));

        var page = Render<HomePage>();

        page.WaitForAssertion(() => page.Find("[data-testid=kpi-orders-value]").TextContent.ShouldBe("3"));
        page.Find("[data-testid=kpi-products-value]").TextContent.ShouldBe("3");
        page.Find("[data-testid=kpi-customers-value]").TextContent.ShouldBe("2");
        // 45.97 + 45.00 + 22.50 = 113.47, shown rounded to whole dollars; AOV 113.47 / 3 = 37.82
        page.Find("[data-testid=kpi-revenue-value]").TextContent.ShouldBe("$113");
        page.Find("[data-testid=kpi-revenue]").TextContent.ShouldContain("Average order $37.82");
        page.Find("[data-testid=kpi-range-value]").TextContent.ShouldBe("Feb 1, 2025 – Apr 10, 2025");
    }

    [Fact]
    public async Task HomePage_EmptyDatabase_PointsToTheDataPage()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        Services.AddSingleton<IDbContextFactory<AppDbContext>>(database);
        Services.AddSingleton<StoreOverviewQueries>();
        Services.AddSingleton(new StoreSnapshotService(new StoreSnapshotLoader(database, TimeProvider.System), NullLogger<StoreSnapshotService>.Instance));

        var page = Render<HomePage>();

        page.WaitForAssertion(() => page.Markup.ShouldContain("no orders yet"));
    }
}
