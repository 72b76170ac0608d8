using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace MerchDashboard.Data.Export;

/// <summary>
/// Writes CSV with CsvHelper and neutralises spreadsheet formula injection: a text cell that starts
/// with =, +, -, @, tab or carriage return gets a leading apostrophe (OWASP's advice). Numbers such as
/// -12.5 are left alone, so numeric columns stay numeric.
/// </summary>
public static class CsvExport
{
    private static readonly CsvConfiguration Config = new(CultureInfo.InvariantCulture) { NewLine = "\n" };

    public static string Neutralize(string? value)
    {
        if (string.IsNullOrEmpty(value) || value[0] is not ('=' or '+' or '-' or '@' or '\t' or '\r'))
        {
            return value ?? "";
        }
        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? value : "'" + value;
    }

    public static void Write(TextWriter writer, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var csv = new CsvWriter(writer, Config, leaveOpen: true);
        foreach (var column in header)
        {
            csv.WriteField(Neutralize(column));
        }
        csv.NextRecord();
        foreach (var row in rows)
        {
            foreach (var cell in row)
            {
                csv.WriteField(Neutralize(cell));
            }
            csv.NextRecord();
        }
    }

    public static string ToText(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, header, rows);
        return writer.ToString();
    }
}
