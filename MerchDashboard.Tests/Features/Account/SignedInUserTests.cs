using MerchDashboard.Data;
using MerchDashboard.Data.Entities;
using MerchDashboard.Features.Account;
using MerchDashboard.Features.Curation;
using MerchDashboard.Features.Serving;
using MerchDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MerchDashboard.Tests.Features.Account;

[Collection(SharedMerchApp.Name)]
public sealed class SignedInUserTests(MerchAppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AuditName_MerchChangesAList_AuditEntryRecordsMerch()
    {
        var principal = await PrincipalAsync("merch");
        var anchorId = app.Factory.Services.GetRequiredService<StoreSnapshotService>().Current.Mined.Keys.Min();
        var commands = app.Factory.Services.GetRequiredService<CurationCommands>();
        var version = (await commands.GetAsync(anchorId, Ct)).Version;

        var result = await commands.ApplyAsync(anchorId, version, new CurationChange.SetNote("checked by merch"), principal.AuditName(), Ct);

        result.Succeeded.ShouldBeTrue(result.Error);
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        var entry = await db.AuditEntries.Where(a => a.AnchorProductId == anchorId).OrderByDescending(a => a.Id).FirstAsync(Ct);
        entry.User.ShouldBe("merch");
    }

    [Theory]
    [InlineData("admin", Policies.Administer, true)]
    [InlineData("merch", Policies.Administer, false)]
    [InlineData("merch", Policies.Curate, true)]
    [InlineData("manager", Policies.Curate, false)]
    [InlineData("staff", Policies.ViewDashboards, false)]
    [InlineData("manager", Policies.ViewDashboards, true)]
    public async Task AllowedAsync_DemoUserAndPolicy_ReturnsTheUserOnlyWhenAllowed(string userName, string policy, bool allowed)
    {
        var principal = await PrincipalAsync(userName);
        var authorization = app.Factory.Services.GetRequiredService<IAuthorizationService>();

        var user = await authorization.AllowedAsync(Task.FromResult(new AuthenticationState(principal)), policy);

        (user is not null).ShouldBe(allowed);
    }

    /// <summary>The principal the app's sign-in puts in the cookie for this user.</summary>
    private async Task<System.Security.Claims.ClaimsPrincipal> PrincipalAsync(string userName)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>();
        return await factory.CreateAsync((await users.FindByNameAsync(userName))!);
    }
}
