using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace MerchDashboard.Data.Import;

/// <summary>The decimal separator of numbers in an imported file.</summary>
public enum DecimalSeparator
{
    Dot,
    Comma,
}

/// <summary>
/// How files are read and cleaned on import, by every entry point (Data page, <c>import</c>, <c>rules</c>,
/// <c>itemsets</c>, <c>clv</c>). Bound from the <c>Import</c> section and validated at start-up.
/// </summary>
public sealed class ImportOptions : IValidatableObject
{
    public const string Section = "Import";

    /// <summary>
    /// Codes of fee, postage and adjustment lines in the UCI Online Retail export and similar shops. Its one-letter
    /// codes (M manual, D discount, S samples, B adjust bad debt) are left to the name patterns, so that a store
    /// whose SKU is "B" keeps its product.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultNonProductCodes =
    [
        "POST", "DOT", "C2", "CRUK", "BANK CHARGES", "AMAZONFEE", "PADS", "ADJUST", "ADJUST2", "POSTAGE", "CARRIAGE", "FEE",
    ];

    /// <summary>Matched against the SKU and against the whole product name, ignoring case.</summary>
    public static readonly IReadOnlyList<string> DefaultNonProductPatterns =
    [
        @"^gift_\d+_\d+$",
        @"^test\d*$",
        @"^(none|null|n/?a|adjustments?)$",
        @"^(postage|carriage|manual|discount|bank charges|amazon fee|adjust bad debt|samples|cruk commission|shipping( fee)?|delivery( charge)?)$",
    ];

    /// <summary>Numbers with a decimal comma (<c>12,50</c>) are read only when this says Comma; with Dot they are refused.</summary>
    public DecimalSeparator DecimalSeparator { get; set; } = DecimalSeparator.Dot;

    /// <summary>SKUs of lines that are not products; when unset, <see cref="DefaultNonProductCodes"/>. Compared ignoring case.</summary>
    public string[]? NonProductCodes { get; set; }

    /// <summary>Regular expressions for non-product SKUs or names; when unset, <see cref="DefaultNonProductPatterns"/>.</summary>
    public string[]? NonProductPatterns { get; set; }

    /// <summary>An order with more distinct products than this is stored but left out of mining (wholesale, internal orders).</summary>
    [Range(2, 1_000_000)]
    public int MaxMiningOrderLines { get; set; } = 100;

    /// <summary>
    /// Keys per query when an API call's import reads only the products, customers and categories its batch references
    /// (<see cref="ImportScope"/>): a batch with more keys takes several queries, never one over the database's parameter limit.
    /// </summary>
    [Range(1, 10_000)]
    public int KeysPerLookup { get; set; } = 1_000;

    /// <summary>Whether 85123A and 85123a are one product (the first spelling met is kept).</summary>
    public bool SkusIgnoreCase { get; set; } = true;

    /// <summary>The longest SKU accepted (the database column holds 64).</summary>
    [Range(1, 64)]
    public int MaxSkuLength { get; set; } = 64;

    /// <summary>The longest order or customer id accepted (the database columns hold 64).</summary>
    [Range(1, 64)]
    public int MaxIdLength { get; set; } = 64;

    /// <summary>The longest product name accepted (the database column holds 256).</summary>
    [Range(1, 256)]
    public int MaxNameLength { get; set; } = 256;

    /// <summary>The longest category name, brand, customer name or city accepted (the database columns hold 128).</summary>
    [Range(1, 128)]
    public int MaxLabelLength { get; set; } = 128;

    /// <summary>
    /// The longest field of any column, header included: reading stops at a longer one, so that a file with a
    /// runaway field (an unclosed quote, a 300 MB value) costs no more memory than this.
    /// </summary>
    [Range(256, 10_000_000)]
    public int MaxFieldChars { get; set; } = 100_000;

    /// <summary>The largest quantity on one line, in absolute value.</summary>
    [Range(1, int.MaxValue)]
    public int MaxQuantity { get; set; } = 1_000_000;

    /// <summary>The largest unit price, in absolute value.</summary>
    [Range(typeof(decimal), "0.01", "1000000000")]
    public decimal MaxUnitPrice { get; set; } = 1_000_000m;

    /// <summary>
    /// Order lines an import writes per batch while it streams the orders file the last time (docs/pipeline.md, "Imports and
    /// memory"): at the budget the batch is written inside the import's one transaction and its rows released. An order is
    /// never split, so a batch exceeds the budget by at most one order's lines.
    /// </summary>
    [Range(100, 1_000_000)]
    public int WriteBatchLines { get; set; } = 10_000;

    /// <summary>How many example lines the import report shows for each kind of cleaning.</summary>
    [Range(0, 1000)]
    public int ReportExamples { get; set; } = 5;

    public IReadOnlyList<string> Codes => NonProductCodes ?? DefaultNonProductCodes;

    public IReadOnlyList<string> Patterns => NonProductPatterns ?? DefaultNonProductPatterns;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var pattern in Patterns)
        {
            string? error = null;
            try
            {
                _ = new Regex(pattern, Cleaning.NonProductRule.PatternOptions);
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
            {
                error = ex.Message;
            }
            if (error is not null)
            {
                yield return new ValidationResult($"Import:NonProductPatterns: '{pattern}' is not a valid regular expression ({error})", [nameof(NonProductPatterns)]);
            }
        }
        if (Codes.Any(string.IsNullOrWhiteSpace))
        {
            yield return new ValidationResult("Import:NonProductCodes holds an empty code", [nameof(NonProductCodes)]);
        }
    }

    /// <summary>These options with the decimal separator the user named for one file, when they named one.</summary>
    public ImportOptions WithSeparator(DecimalSeparator? separator)
    {
        if (separator is null)
        {
            return this;
        }
        var copy = (ImportOptions)MemberwiseClone();
        copy.DecimalSeparator = separator.Value;
        return copy;
    }

    /// <summary>Reads <c>dot</c>, <c>comma</c> (or <c>.</c>, <c>,</c>), or <c>auto</c> for the configured default (null).</summary>
    public static bool TryParseSeparator(string text, out DecimalSeparator? separator)
    {
        separator = text.Trim().ToLowerInvariant() switch
        {
            "dot" or "." => DecimalSeparator.Dot,
            "comma" or "," => DecimalSeparator.Comma,
            _ => null,
        };
        return separator is not null || text.Trim().ToLowerInvariant() is "" or "auto";
    }
}
