using Bunit;
using MerchDashboard.Data.Entities;
using MerchDashboard.Features.Account;
using MerchDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Tests.Features.Account;

/// <summary>An open circuit loses what a demoted, disabled or reset user's old role allowed, without a new request.</summary>
[Collection(SharedMerchApp.Name)]
public sealed class RevalidatingIdentityStateProviderTests(MerchAppFixture app) : MudBunitContext
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task OpenCircuit_UserDemoted_EditControlsDisappearWithinTheInterval()
    {
        var (user, provider) = await SignedInCircuitAsync(Roles.Merchandiser);
        var cut = Render(EditControls());

        await Task.Delay(Interval * 5, Xunit.TestContext.Current.CancellationToken);
        cut.FindAll("[data-testid=pin]").Count.ShouldBe(1, "an unchanged user keeps the edit controls across revalidations");

        (await Services.GetRequiredService<AccountCommands>().SetRoleAsync(user.Id, Roles.Staff)).Succeeded.ShouldBeTrue();

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=pin]").ShouldBeEmpty(), TimeSpan.FromSeconds(10));
        (await provider.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated.ShouldNotBe(true);
    }

    [Fact]
    public async Task OpenCircuit_UserDisabled_SignedOutOfTheCircuit()
    {
        var (user, provider) = await SignedInCircuitAsync(Roles.Merchandiser);
        var cut = Render(EditControls());
        cut.FindAll("[data-testid=pin]").Count.ShouldBe(1);

        (await Services.GetRequiredService<UserAdministration>().SetDisabledAsync(user.Id, disabled: true, "admin")).Succeeded.ShouldBeTrue();

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=pin]").ShouldBeEmpty(), TimeSpan.FromSeconds(10));
        (await provider.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated.ShouldNotBe(true);
    }

    /// <summary>A new user of the role, signed in to a circuit whose provider revalidates every <see cref="Interval"/>.</summary>
    private async Task<(AppUser User, RevalidatingIdentityStateProvider Provider)> SignedInCircuitAsync(string role)
    {
        var appServices = app.Factory.Services;
        var created = await appServices.GetRequiredService<AccountCommands>()
            .CreateUserAsync($"circuit-{Guid.NewGuid():N}"[..20], "", MerchAppFactory.DemoPassword, role);
        created.Succeeded.ShouldBeTrue(created.Error);
        await using var scope = appServices.CreateAsyncScope();
        var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>().CreateUserPrincipalAsync(created.User!);

        var provider = new RevalidatingIdentityStateProvider(
            appServices.GetRequiredService<ILoggerFactory>(), appServices.GetRequiredService<IServiceScopeFactory>(),
            Options.Create(new AccountOptions { RevalidationInterval = Interval }), appServices.GetRequiredService<IOptions<IdentityOptions>>());
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        Services.AddSingleton<AuthenticationStateProvider>(provider);
        Services.AddAuthorizationCore(Policies.Configure);
        // bUnit registers a placeholder authorization service; the app's own evaluates the real policies.
        Services.AddSingleton(appServices.GetRequiredService<Microsoft.AspNetCore.Authorization.IAuthorizationService>());
        Services.AddCascadingAuthenticationState();
        Services.AddSingleton(appServices.GetRequiredService<AccountCommands>());
        Services.AddSingleton(appServices.GetRequiredService<UserAdministration>());
        return (created.User!, provider);
    }

    /// <summary>A stand-in for the editor's controls: shown only while the circuit's user may curate.</summary>
    private static RenderFragment EditControls() => builder =>
    {
        builder.OpenComponent<AuthorizeView>(0);
        builder.AddAttribute(1, nameof(AuthorizeView.Policy), Policies.Curate);
        builder.AddAttribute(2, nameof(AuthorizeView.Authorized), (RenderFragment<AuthenticationState>)(_ => pin =>
        {
            pin.OpenElement(0, "button");
            pin.AddAttribute(1, "data-testid", "pin");
            pin.AddContent(2, "Pin");
            pin.CloseElement();
        }));
        builder.CloseComponent();
    };
}
