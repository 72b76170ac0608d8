using Bunit;
using MerchDashboard.Data;
using MerchDashboard.Features.Account;
using MerchDashboard.Features.Admin;
using MerchDashboard.Features.Storefront;
using MerchDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MerchDashboard.Tests.Features.Admin;

public sealed class ApiKeysPageTests : MudBunitContext
{
    [Fact]
    public async Task Create_Administrator_ShowsTheKeyOnceAndRecordsWhoCreatedIt()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var keys = Register(database);
        this.AddAuthorization().SetAuthorized("admin").SetPolicies(Policies.Administer);
        var page = Render<ApiKeysPage>();

        page.Find("input").Input("web shop");
        await page.Find("[data-testid=create-api-key]").ClickAsync(new());

        var created = (await keys.ListAsync(Xunit.TestContext.Current.CancellationToken)).ShouldHaveSingleItem();
        created.CreatedBy.ShouldBe("admin");
        var shown = page.Find("[data-testid=new-api-key] code").TextContent;
        shown.ShouldStartWith(created.Prefix);
        (await keys.ValidateAsync(shown, Xunit.TestContext.Current.CancellationToken))!.Name.ShouldBe("web shop");
    }

    [Fact]
    public async Task Create_RoleRemovedWhileThePageIsOpen_RefusedOnTheServer()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var keys = Register(database);
        this.AddAuthorization().SetAuthorized("staff").SetPolicies(Policies.Preview);
        var page = Render<ApiKeysPage>();

        page.Find("input").Input("web shop");
        await page.Find("[data-testid=create-api-key]").ClickAsync(new());

        (await keys.ListAsync(Xunit.TestContext.Current.CancellationToken)).ShouldBeEmpty();
        page.FindAll("[data-testid=new-api-key]").ShouldBeEmpty();
    }

    private ApiKeyService Register(SqliteTestDatabase database)
    {
        var keys = new ApiKeyService(database, TimeProvider.System);
        Services.AddSingleton<IDbContextFactory<AppDbContext>>(database);
        Services.AddSingleton(keys);
        return keys;
    }
}
