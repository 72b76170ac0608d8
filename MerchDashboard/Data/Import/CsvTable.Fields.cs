using System.Globalization;

namespace MerchDashboard.Data.Import;

/// <summary>Typed field readers: each logs a precise problem (file, line, field, why) and returns null when the text does not fit.</summary>
public sealed partial class CsvTable
{
    public int? WholeNumber(string column, int min = int.MinValue, bool required = true)
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
        return value;
    }

    public decimal? Number(string column, decimal min = decimal.MinValue, bool required = true)
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
        if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            Problem(column, $"{Quote(text)} is not a number (use a dot for decimals, no currency sign)");
            return null;
        }
        if (value < min)
        {
            Problem(column, $"{value.ToString(CultureInfo.InvariantCulture)} is negative, which is not allowed here");
            return null;
        }
        return value;
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
