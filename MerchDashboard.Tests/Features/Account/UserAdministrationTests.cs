using System.Net;
using MerchDashboard.Data;
using MerchDashboard.Data.Entities;
using MerchDashboard.Features.Account;
using MerchDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MerchDashboard.Tests.Features.Account;

/// <summary>Disable, enable, delete, password reset and role changes, as the next request sees them.</summary>
[Collection(SharedMerchApp.Name)]
public sealed class UserAdministrationTests(MerchAppFixture app)
{
    private const string NewPassword = "Reset-Pass-2024";
    private AccountCommands Accounts => app.Factory.Services.GetRequiredService<AccountCommands>();
    private UserAdministration Administration => app.Factory.Services.GetRequiredService<UserAdministration>();

    [Fact]
    public async Task SetRole_Demoted_NextRequestHasTheNewRole()
    {
        var user = await CreateAsync(Roles.Merchandiser);
        var client = AccountForms.Client(app.Factory);
        (await AccountForms.SignInAsync(client, user.UserName!, MerchAppFactory.DemoPassword)).ShouldBe("/");
        (await GetAsync(client, "/rules")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await Accounts.SetRoleAsync(user.Id, Roles.Staff)).Succeeded.ShouldBeTrue();

        var after = await GetAsync(client, "/rules");
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.AbsolutePath.ShouldBe("/login", "the old cookie's security stamp no longer matches");
    }

    [Fact]
    public async Task SetDisabled_DisabledThenEnabled_SignInRefusedThenAllowed()
    {
        var user = await CreateAsync(Roles.Staff);
        var open = AccountForms.Client(app.Factory);
        (await AccountForms.SignInAsync(open, user.UserName!, MerchAppFactory.DemoPassword)).ShouldBe("/");

        (await Administration.SetDisabledAsync(user.Id, disabled: true, "admin")).Succeeded.ShouldBeTrue();

        (await GetAsync(open, "/preview")).Headers.Location!.AbsolutePath.ShouldBe("/login", "the open session ended");
        (await AccountForms.SignInAsync(AccountForms.Client(app.Factory), user.UserName!, MerchAppFactory.DemoPassword))
            .ShouldStartWith("/login?error=invalid");

        (await Administration.SetDisabledAsync(user.Id, disabled: false, "admin")).Succeeded.ShouldBeTrue();

        (await AccountForms.SignInAsync(AccountForms.Client(app.Factory), user.UserName!, MerchAppFactory.DemoPassword)).ShouldBe("/");
    }

    [Fact]
    public async Task ResetPassword_OldPasswordRefused_NewAccepted_SessionsEnded()
    {
        var user = await CreateAsync(Roles.Staff);
        var open = AccountForms.Client(app.Factory);
        (await AccountForms.SignInAsync(open, user.UserName!, MerchAppFactory.DemoPassword)).ShouldBe("/");

        (await Administration.ResetPasswordAsync(user.Id, NewPassword, "admin")).Succeeded.ShouldBeTrue();

        (await GetAsync(open, "/preview")).Headers.Location!.AbsolutePath.ShouldBe("/login");
        (await AccountForms.SignInAsync(AccountForms.Client(app.Factory), user.UserName!, MerchAppFactory.DemoPassword)).ShouldStartWith("/login?error=invalid");
        (await AccountForms.SignInAsync(AccountForms.Client(app.Factory), user.UserName!, NewPassword)).ShouldBe("/");
    }

    [Fact]
    public async Task ResetPassword_TooShort_RefusedWithTheRule()
    {
        var user = await CreateAsync(Roles.Staff);

        var result = await Administration.ResetPasswordAsync(user.Id, "short", "admin");

        result.Succeeded.ShouldBeFalse();
        result.Error!.ShouldContain("10");
    }

    [Fact]
    public async Task Delete_UserWithAuditEntries_UserGoneEntriesKept()
    {
        var actor = await CreateAsync(Roles.Admin);
        var target = await CreateAsync(Roles.Staff);
        (await Administration.SetDisabledAsync(target.Id, disabled: true, actor.UserName!)).Succeeded.ShouldBeTrue();

        (await Administration.DeleteAsync(actor.Id, "admin")).Succeeded.ShouldBeTrue();

        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        (await db.Users.AnyAsync(u => u.Id == actor.Id, TestContext.Current.CancellationToken)).ShouldBeFalse();
        (await db.AuditEntries.CountAsync(a => a.User == actor.UserName && a.Action == "user-disabled", TestContext.Current.CancellationToken)).ShouldBe(1);
        (await db.AuditEntries.CountAsync(a => a.Action == "user-deleted" && a.Summary == "user deleted: " + actor.UserName, TestContext.Current.CancellationToken)).ShouldBe(1);
    }

    [Fact]
    public async Task LastEnabledAdmin_CannotBeDisabledDemotedOrDeleted()
    {
        var spare = await CreateAsync(Roles.Admin);
        (await Administration.SetDisabledAsync(spare.Id, disabled: true, "admin")).Succeeded.ShouldBeTrue();
        var admin = await FindAsync("admin");

        (await Administration.SetDisabledAsync(admin.Id, disabled: true, "admin")).Error.ShouldBe(UserAdministration.LastAdminMessage);
        (await Accounts.SetRoleAsync(admin.Id, Roles.Staff)).Error.ShouldBe(UserAdministration.LastAdminMessage);
        (await Administration.DeleteAsync(admin.Id, "admin")).Error.ShouldBe(UserAdministration.LastAdminMessage);
        (await FindAsync("admin")).IsDisabled.ShouldBeFalse();

        (await Administration.DeleteAsync(spare.Id, "admin")).Succeeded.ShouldBeTrue("a disabled administrator is not the last one");
    }

    [Fact]
    public async Task SignIn_Succeeds_LastSignInRecorded()
    {
        var user = await CreateAsync(Roles.Staff);
        user.LastSignInAt.ShouldBeNull();

        (await AccountForms.SignInAsync(AccountForms.Client(app.Factory), user.UserName!, MerchAppFactory.DemoPassword)).ShouldBe("/");

        (await FindAsync(user.UserName!)).LastSignInAt.ShouldNotBeNull().ShouldBeGreaterThan(DateTime.UtcNow.AddMinutes(-1));
    }

    private async Task<AppUser> CreateAsync(string role)
    {
        var result = await Accounts.CreateUserAsync($"u-{Guid.NewGuid():N}"[..14], "", MerchAppFactory.DemoPassword, role);
        result.Succeeded.ShouldBeTrue(result.Error);
        return result.User!;
    }

    private async Task<AppUser> FindAsync(string userName)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName)).ShouldNotBeNull();
    }

    private static Task<HttpResponseMessage> GetAsync(HttpClient client, string path) => client.GetAsync(path, TestContext.Current.CancellationToken);
}
