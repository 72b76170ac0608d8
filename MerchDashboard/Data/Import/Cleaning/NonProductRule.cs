using System.Text.RegularExpressions;

namespace MerchDashboard.Data.Import.Cleaning;

/// <summary>Recognises fee, postage and adjustment lines by their SKU (a listed code) or a pattern over SKU or name.</summary>
public sealed class NonProductRule(ImportOptions options)
{
    private readonly HashSet<string> _codes = new(options.Codes.Select(c => c.Trim()), StringComparer.OrdinalIgnoreCase);
    private readonly Regex[] _patterns = [.. options.Patterns.Select(p =>
        new Regex(p, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))];

    public bool Matches(string sku, string name) =>
        _codes.Contains(sku) || _patterns.Any(p => p.IsMatch(sku) || (name.Length > 0 && p.IsMatch(name)));
}
