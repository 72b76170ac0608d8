using System.Globalization;

namespace MerchDashboard.Data.Import.Cleaning;

/// <summary>The plain-text line of one kind of cleaning, as <c>import</c> prints it and the Data page shows it.</summary>
public static class ImportReportText
{
    public static string Line(CleaningKind kind)
    {
        var parts = new List<string> { kind.Count.ToString("N0", CultureInfo.InvariantCulture) };
        if (kind.Units != 0)
        {
            parts.Add($"{kind.Units.ToString("N0", CultureInfo.InvariantCulture)} units");
        }
        if (kind.Amount != 0)
        {
            parts.Add($"amount {kind.Amount.ToString("N2", CultureInfo.InvariantCulture)}");
        }
        return $"{kind.Name}: {string.Join(", ", parts)}";
    }
}
