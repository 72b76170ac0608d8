using System.Globalization;

namespace MerchDashboard.Engine.Mining;

/// <summary>
/// What <see cref="AssociationMiner"/> gave up to stay within its <see cref="MemoryBudget"/>: pairs mined at
/// <see cref="PairMinCount"/> (the configured minimum count unless even pairs did not fit), and bundles at
/// <see cref="BundleMinCount"/>, or none (null) when no minimum count up to the most frequent item's count fit.
/// </summary>
public sealed record MiningFallback(int BudgetMegabytes, int ConfiguredMinCount, int PairMinCount, int? BundleMinCount)
{
    /// <summary>The warning shown on the Mining page and kept with the run.</summary>
    public string Describe()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"The memory budget ({BudgetMegabytes:N0} MB) was too small for these settings: ");
        if (PairMinCount != ConfiguredMinCount)
        {
            text += string.Create(CultureInfo.InvariantCulture, $"suggestions were mined from pairs bought together at least {PairMinCount:N0} times (instead of {ConfiguredMinCount:N0}), ");
        }
        else
        {
            text += "suggestions were mined at the configured minimum, ";
        }
        text += BundleMinCount is { } bundles
            ? string.Create(CultureInfo.InvariantCulture, $"bundles only from itemsets bought together at least {bundles:N0} times.")
            : "and no bundles were mined (pairs only).";
        return text + " Raise Mining:MemoryBudgetMB or the minimum count to mine everything.";
    }
}
