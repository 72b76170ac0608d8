namespace MerchDashboard.Features.Serving;

/// <summary>
/// Recognises the categories that mean "no category": the importer files products of an order file without
/// a category under "Uncategorized" (code <c>uncategorized</c>, or <c>imported-uncategorized</c> when the
/// code was taken), and shops' own exports use similar placeholders.
/// </summary>
public static class UnknownCategory
{
    private static readonly HashSet<string> Placeholders = new(StringComparer.Ordinal)
    {
        "uncategorized", "uncategorised", "unknown", "unassigned", "no-category", "none", "n-a",
    };

    private const string ImportedPrefix = "imported-";

    public static bool Matches(string code, string name) => IsPlaceholder(Normalize(code)) || IsPlaceholder(Normalize(name));

    private static bool IsPlaceholder(string slug) =>
        Placeholders.Contains(slug) || (slug.StartsWith(ImportedPrefix, StringComparison.Ordinal) && Placeholders.Contains(slug[ImportedPrefix.Length..]));

    /// <summary>Lower case, every run of other characters as one dash: "Un-categorized " and "UNCATEGORIZED" read alike.</summary>
    private static string Normalize(string text) =>
        string.Join('-', new string([.. text.Trim().ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')])
            .Split('-', StringSplitOptions.RemoveEmptyEntries));
}
