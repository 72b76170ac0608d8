using MerchDashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MerchDashboard.Tests.Browser;

public sealed class DataJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task Import_MalformedQuantityOnLine3_ShowsFileLineAndFieldAndChangesNothing() =>
        JourneyAsync(nameof(Import_MalformedQuantityOnLine3_ShowsFileLineAndFieldAndChangesNothing), async () =>
    {
        var folder = Directory.CreateTempSubdirectory("merch-e2e-");
        try
        {
            var file = Path.Combine(folder.FullName, "bad-orders.csv");
            await File.WriteAllTextAsync(file,
                "order_id,customer_id,ordered_at,sku,quantity,unit_price\n"
                + "X0000001,XC00001,2026-11-01T10:00:00Z,LAP-0002,1,649.49\n"
                + "X0000002,XC00002,2026-11-02T11:00:00Z,MOU-0003,two,29.99\n");
            var page = await OpenAsync("admin", "/data");
            await AssertAccessibleAsync(page);

            await page.Locator("[data-testid=import-panel] input[type=file]").First.SetInputFilesAsync(file);
            await Assertions.Expect(page.Locator("[data-testid=chosen-files]")).ToContainTextAsync("bad-orders.csv");
            await page.ClickAsync("[data-testid=import-button]");

            var problem = page.Locator("[data-testid=import-problems] tbody tr").First;
            await problem.WaitForAsync();
            var cells = await problem.Locator("td").AllInnerTextsAsync();
            cells[0].ShouldContain("bad-orders.csv");
            cells[1].ShouldBe("3");
            cells[2].ShouldBe("quantity");
            (await page.Locator("[data-testid=import-problems] tbody tr").CountAsync()).ShouldBe(1);
            await ShotAsync(page, "data");
            await AssertAccessibleAsync(page);

            var db = Fixture.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
            await using (var context = await db.CreateDbContextAsync())
            {
                (await context.Orders.CountAsync()).ShouldBe(42_000);
            }
            await page.GotoAsync(Url("/"));
            await WaitInteractiveAsync(page);
            (await page.Locator("[data-testid=kpi-orders-value]").InnerTextAsync()).ShouldBe("42,000");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    });
}
