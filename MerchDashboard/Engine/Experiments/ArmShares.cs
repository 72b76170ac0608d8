using System.Globalization;
using MerchDashboard.Engine.Metrics;

namespace MerchDashboard.Engine.Experiments;

/// <summary>One arm of an experiment and the whole-percent share of shoppers it gets.</summary>
public sealed record ArmShare(Arm Arm, int Percent);

/// <summary>
/// The arms' names as the API, the command line and the CSV spell them (control, cross-sell, personalization,
/// both) and the "control=25,cross-sell=75" text form. Valid shares: each arm once, each share 1..100, summing to 100,
/// at least two arms, control among them (every difference is measured against control).
/// </summary>
public static class ArmShares
{
    private static readonly Dictionary<string, Arm> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["control"] = Arm.Control,
        ["cross-sell"] = Arm.CrossSell,
        ["personalization"] = Arm.Personalization,
        ["both"] = Arm.Both,
    };

    public static IReadOnlyCollection<string> Names => ByName.Keys;

    public static string NameOf(Arm arm) => arm switch
    {
        Arm.Control => "control",
        Arm.CrossSell => "cross-sell",
        Arm.Personalization => "personalization",
        _ => "both",
    };

    public static bool TryParseArm(string? name, out Arm arm) => ByName.TryGetValue(name?.Trim() ?? "", out arm);

    public static string Format(IEnumerable<ArmShare> shares) =>
        string.Join(',', shares.Select(s => $"{NameOf(s.Arm)}={s.Percent.ToString(CultureInfo.InvariantCulture)}"));

    /// <summary>Parses "control=25,cross-sell=75"; the error names the part that is wrong.</summary>
    public static (IReadOnlyList<ArmShare> Shares, string? Error) Parse(string? text)
    {
        var shares = new List<ArmShare>();
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split('=', StringSplitOptions.TrimEntries);
            if (pieces.Length != 2 || !TryParseArm(pieces[0], out var arm))
            {
                return ([], $"'{part}' is not ARM=PERCENT with ARM one of {string.Join(", ", Names)}.");
            }
            if (!int.TryParse(pieces[1], NumberStyles.None, CultureInfo.InvariantCulture, out var percent))
            {
                return ([], $"'{part}': the share must be a whole percentage.");
            }
            shares.Add(new ArmShare(arm, percent));
        }
        return Validate(shares) is { } error ? ([], error) : (shares, null);
    }

    public static string? Validate(IReadOnlyList<ArmShare> shares)
    {
        if (shares.Count < 2)
        {
            return "An experiment needs at least two arms, control and one strategy.";
        }
        if (shares.GroupBy(s => s.Arm).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            return $"The arm '{NameOf(twice.Key)}' is listed twice.";
        }
        if (shares.All(s => s.Arm != Arm.Control))
        {
            return "The arms must include control: every strategy is compared with it.";
        }
        if (shares.FirstOrDefault(s => s.Percent is < 1 or > 100) is { } bad)
        {
            return $"The share of '{NameOf(bad.Arm)}' is {bad.Percent}%; each arm needs between 1% and 100%.";
        }
        var total = shares.Sum(s => s.Percent);
        return total == 100 ? null : $"The shares add up to {total}%; they must add up to 100%.";
    }
}
