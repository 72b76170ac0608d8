namespace MerchDashboard.Data.Import;

/// <summary>Quotes user text in messages, cut so that a runaway value (a 300 MB header) is never echoed whole.</summary>
public static class Excerpt
{
    /// <summary>The most characters of an offending value a message quotes.</summary>
    public const int MaxChars = 200;

    public static string Of(string text, int max = MaxChars) =>
        text.Length <= max ? text : $"{text[..max]}… ({text.Length:N0} characters)";

    public static string Quoted(string text, int max = MaxChars) => $"'{Of(text, max)}'";
}
