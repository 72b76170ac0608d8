using MerchDashboard.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace MerchDashboard.Features.Account;

/// <summary>Identity's hook for "may this account sign in at all": a disabled account may not.</summary>
public sealed class EnabledUserConfirmation : IUserConfirmation<AppUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<AppUser> manager, AppUser user) => Task.FromResult(!user.IsDisabled);
}
