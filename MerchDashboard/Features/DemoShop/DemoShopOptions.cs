using System.ComponentModel.DataAnnotations;
using MerchDashboard.Features.Storefront;

namespace MerchDashboard.Features.DemoShop;

/// <summary>
/// Bound from <c>DemoShop</c>. The demo shop's publishable key allows the app's own origins: the addresses the
/// server listens on (a wildcard address counts as localhost and 127.0.0.1), plus <see cref="Origins"/> for an app
/// reached through a reverse proxy or another host name.
/// </summary>
public sealed class DemoShopOptions : IValidatableObject
{
    public const string Section = "DemoShop";

    /// <summary>Extra origins (https://merch.example) the demo shop is opened from.</summary>
    public List<string> Origins { get; set; } = [];

    /// <summary>Items the demo shop's widget shows.</summary>
    [Range(1, 20)]
    public int ListLength { get; set; } = 4;

    /// <summary>Latest events the page lists under "events received".</summary>
    [Range(1, 100)]
    public int LatestEventsShown { get; set; } = 8;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Origins.Select(AllowedOrigins.Normalize).Where(o => o.Error is not null)
            .Select(o => new ValidationResult($"DemoShop:Origins: {o.Error}", [nameof(Origins)]));
}
