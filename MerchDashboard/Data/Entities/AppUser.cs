using Microsoft.AspNetCore.Identity;

namespace MerchDashboard.Data.Entities;

/// <summary>A person who signs in to MerchDashboard; roles say what they may do.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    /// <summary>A disabled user cannot sign in, and open sessions end within the revalidation interval.</summary>
    public bool IsDisabled { get; set; }

    public DateTime? LastSignInAt { get; set; }
}
