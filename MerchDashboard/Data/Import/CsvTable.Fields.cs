using System.Globalization;

namespace MerchDashboard.Data.Import;

/// <summary>Typed field readers: each logs a precise problem (file, line, field, why) and returns null when the text does not fit.</summary>
public sealed partial class CsvTable
{
    public int? WholeNumber(string column, int min = int.MinValue, bool required = true, int max = int.MaxValue)
    {
        var text = Text(column);
        if (text.Length == 0)
        {
            if (required)
            {
                Problem(column, "is empty; expected a whole number");
            }
            return null;
        }
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            Problem(column, $"{Quote(text)} is not a whole number");
            return null;
        }
        if (value < min)
        {
            Problem(column, $"{value} is below the minimum of {min}");
            return null;
        }
        if (value > max)
        {
            Problem(column, $"{value} is above the maximum of {max}");
            return null;
        }
        return value;
    }

    /// <summary>
    /// A decimal number with the file's decimal separator (<see cref="ImportOptions.DecimalSeparator"/>), no
    /// thousands separators, no currency sign: <c>12,50</c> is refused unless the separator is a comma, and is
    /// never read as 1250.
    /// </summary>
    public decimal? Number(string column, decimal min = decimal.MinValue, bool required = true, decimal max = decimal.MaxValue)
    {
        var text = Text(column);
        if (text.Length == 0)
        {
            if (required)
            {
                Problem(column, "is empty; expected a number");
            }
            return null;
        }
        var comma = Options.DecimalSeparator == DecimalSeparator.Comma;
        var (own, other) = comma ? (',', '.') : ('.', ',');
        if (text.Contains(other, StringComparison.Ordinal))
        {
            Problem(column, comma
                ? $"{Quote(text)} has a dot, but the decimal separator was named as a comma; thousands separators are not read"
                : $"{Quote(text)} has a comma: a decimal comma is read only when named (--decimal-separator comma, or \"Decimal comma\" on the Data page); thousands separators are not read");
            return null;
        }
        var invariant = comma ? text.Replace(own, '.') : text;
        if (!decimal.TryParse(invariant, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            Problem(column, $"{Quote(text)} is not a number (digits with {(comma ? "a comma" : "a dot")} for decimals, no currency sign)");
            return null;
        }
        if (value < min)
        {
            Problem(column, min == 0
                ? $"{value.ToString(CultureInfo.InvariantCulture)} is negative, which is not allowed here"
                : $"{value.ToString(CultureInfo.InvariantCulture)} is below the minimum of {min.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }
        if (value > max)
        {
            Problem(column, $"{value.ToString(CultureInfo.InvariantCulture)} is above the maximum of {max.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }
        return value;
    }

    /// <summary>The trimmed text of a column, refused (logged, "" returned) when longer than <paramref name="maxLength"/>.</summary>
    public string Bounded(string column, int maxLength, string option, bool required = false)
    {
        var text = required ? Required(column) : Text(column);
        if (text.Length > maxLength)
        {
            Problem(column, $"is {text.Length:N0} characters long; the most is {maxLength:N0} ({option}): {Quote(text)}");
            return "";
        }
        return text;
    }

    private const string IsoExample = "ISO 8601, such as 2025-03-14T09:30:00Z";

    /// <summary>
    /// A date or date-time in the invariant culture (ISO 8601, or month/day/year as some exports write it);
    /// without an offset it is taken as UTC. <paramref name="example"/> tells the user what was expected.
    /// </summary>
    public DateTime? Time(string column, bool required = true, string example = IsoExample, Func<string, string>? normalize = null)
    {
        var text = Text(column);
        if (text.Length == 0)
        {
            if (required)
            {
                Problem(column, $"is empty; expected a date ({example})");
            }
            return null;
        }
        if (!DateTimeOffset.TryParse(normalize is null ? text : normalize(text), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            Problem(column, $"{Quote(text)} is not a valid date (expected {example})");
            return null;
        }
        return value.UtcDateTime;
    }

    public bool? Bool(string column, bool defaultValue)
    {
        var text = Text(column).ToLowerInvariant();
        switch (text)
        {
            case "": return defaultValue;
            case "true" or "1" or "yes" or "y": return true;
            case "false" or "0" or "no" or "n": return false;
            default:
                Problem(column, $"{Quote(text)} is not true or false");
                return null;
        }
    }

    public T? Choice<T>(string column, IReadOnlyDictionary<string, T> choices, T? whenEmpty = null)
        where T : struct
    {
        var text = Text(column);
        if (text.Length == 0 && whenEmpty is not null)
        {
            return whenEmpty;
        }
        if (choices.TryGetValue(text.ToLowerInvariant(), out var value))
        {
            return value;
        }
        Problem(column, $"{Quote(text)} is not one of {string.Join(", ", choices.Keys)}");
        return null;
    }
}
