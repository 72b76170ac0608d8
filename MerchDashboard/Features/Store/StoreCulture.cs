using System.Globalization;

namespace MerchDashboard.Features.Store;

/// <summary>
/// A culture whose currency is the store's rather than the culture's own (en-US numbers with pounds, say); it knows
/// its ISO code, which charts and exports need and <see cref="NumberFormatInfo"/> does not carry.
/// </summary>
public sealed class StoreCulture : CultureInfo
{
    public StoreCulture(string culture, string currency) : base(culture, useUserOverride: false)
    {
        CurrencyCode = currency;
        var format = (NumberFormatInfo)base.NumberFormat.Clone();
        format.CurrencySymbol = CurrencySymbols.For(currency, TwoLetterISOLanguageName);
        NumberFormat = format;
    }

    public string CurrencyCode { get; }

    /// <summary>The ISO code of the culture's currency: the store's for a <see cref="StoreCulture"/>, else its region's.</summary>
    public static string CurrencyCodeOf(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        if (culture is StoreCulture store)
        {
            return store.CurrencyCode;
        }
        try
        {
            return culture.Equals(InvariantCulture) ? "XXX" : new RegionInfo(culture.Name).ISOCurrencySymbol;
        }
        catch (ArgumentException)
        {
            return "XXX";
        }
    }

    /// <summary>The current culture's currency code (the store currency inside a request).</summary>
    public static string CurrentCurrencyCode => CurrencyCodeOf(CurrentCulture);
}
