using System.Text.RegularExpressions;

namespace MerchDashboard.Data.Import.Cleaning;

/// <summary>Recognises fee, postage and adjustment lines by their SKU (a listed code) or a pattern over SKU or name.</summary>
public sealed class NonProductRule(ImportOptions options)
{
    /// <summary>
    /// Linear-time matching, so no pattern can take long on any input and no timeout is needed: a wall-clock timeout
    /// failed whole imports when a busy machine or a garbage collection paused the matching thread for a second.
    /// </summary>
    public const RegexOptions PatternOptions = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    private readonly HashSet<string> _codes = new(options.Codes.Select(c => c.Trim()), StringComparer.OrdinalIgnoreCase);
    private readonly Regex[] _patterns = [.. options.Patterns.Select(p => new Regex(p, PatternOptions))];

    public bool Matches(string sku, string name) =>
        _codes.Contains(sku) || _patterns.Any(p => p.IsMatch(sku) || (name.Length > 0 && p.IsMatch(name)));
}
