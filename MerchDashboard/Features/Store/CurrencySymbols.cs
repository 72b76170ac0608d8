using System.Collections.Frozen;
using System.Globalization;

namespace MerchDashboard.Features.Store;

/// <summary>
/// The currencies the server's ICU data knows, with their local symbols: £ for GBP, € for EUR. A symbol is taken
/// from a region of the same language when there is one (EUR in English is written €, like en-IE does).
/// </summary>
public static class CurrencySymbols
{
    private static readonly FrozenDictionary<string, (string Language, string Symbol)[]> Regions = CultureInfo
        .GetCultures(CultureTypes.SpecificCultures)
        .Select(c => (Culture: c, Region: TryRegion(c.Name)))
        .Where(x => x.Region is { ISOCurrencySymbol.Length: 3 })
        .GroupBy(x => x.Region!.ISOCurrencySymbol, StringComparer.Ordinal)
        .ToFrozenDictionary(g => g.Key, g => g.Select(x => (x.Culture.TwoLetterISOLanguageName, x.Culture.NumberFormat.CurrencySymbol))
            .OrderBy(x => x.CurrencySymbol.Length).ThenBy(x => x.CurrencySymbol, StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

    public static bool IsKnown(string? code) => code is { Length: 3 } && Regions.ContainsKey(code);

    /// <summary>The symbol of a known currency for a language; the ISO code itself when none is known.</summary>
    public static string For(string code, string language)
    {
        if (!Regions.TryGetValue(code, out var regions))
        {
            return code;
        }
        var sameLanguage = Array.FindIndex(regions, r => r.Language == language);
        return regions[Math.Max(0, sameLanguage)].Symbol;
    }

    private static RegionInfo? TryRegion(string name)
    {
        try
        {
            return new RegionInfo(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
