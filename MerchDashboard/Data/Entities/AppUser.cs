using Microsoft.AspNetCore.Identity;

namespace MerchDashboard.Data.Entities;

/// <summary>A person who signs in to MerchDashboard; roles say what they may do.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
