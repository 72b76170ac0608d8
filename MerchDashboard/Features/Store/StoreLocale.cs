using System.Globalization;

namespace MerchDashboard.Features.Store;

/// <summary>
/// The store's currency (an ISO 4217 code such as GBP) and the culture its numbers and dates are written in
/// (such as en-GB). Every amount in pages, charts and exports is formatted with <see cref="CreateCulture"/>.
/// </summary>
public sealed record StoreLocale(string Currency, string Culture)
{
    public static StoreLocale Default { get; } = new("USD", "en-US");

    /// <summary>Why the locale cannot be used, in plain words; empty when it can.</summary>
    public IReadOnlyList<string> Validate()
    {
        var reasons = new List<string>();
        if (!CurrencySymbols.IsKnown(Currency))
        {
            reasons.Add($"'{Currency}' is not an ISO 4217 currency code this server knows (for example USD, GBP, EUR).");
        }
        if (!IsKnownCulture(Culture))
        {
            reasons.Add($"'{Culture}' is not a culture name this server knows (for example en-US, en-GB, de-DE).");
        }
        return reasons;
    }

    /// <summary>The culture with the store currency's symbol; throws on an invalid locale (validate first).</summary>
    public StoreCulture CreateCulture() => new(Culture, Currency);

    public static bool IsKnownCulture(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }
        try
        {
            return !CultureInfo.GetCultureInfo(name, predefinedOnly: true).Equals(CultureInfo.InvariantCulture);
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}
