using Microsoft.Extensions.Options;

namespace MerchDashboard.Features.Store;

/// <summary>
/// Bound from the <c>Store</c> section: the currency and culture until an administrator saves them on the Store
/// settings page (the saved ones win from then on). Validated at start-up.
/// </summary>
public sealed class StoreOptions
{
    public const string Section = "Store";

    /// <summary>ISO 4217 code of the currency the shop sells in.</summary>
    public string Currency { get; set; } = StoreLocale.Default.Currency;

    /// <summary>Culture for numbers and dates, such as en-US or en-GB.</summary>
    public string Culture { get; set; } = StoreLocale.Default.Culture;

    public StoreLocale ToLocale() => new(Currency.Trim().ToUpperInvariant(), Culture.Trim());
}

public sealed class StoreOptionsValidator : IValidateOptions<StoreOptions>
{
    public ValidateOptionsResult Validate(string? name, StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var reasons = options.ToLocale().Validate();
        return reasons.Count == 0 ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(reasons.Select(r => $"{StoreOptions.Section}: {r}"));
    }
}
