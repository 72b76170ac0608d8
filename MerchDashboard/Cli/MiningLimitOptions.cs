using System.CommandLine;
using System.Globalization;
using MerchDashboard.Data.Import;
using MerchDashboard.Engine.Mining;

namespace MerchDashboard.Cli;

/// <summary>
/// <c>--max-length</c> and <c>--memory-budget-mb</c> of <c>rules</c> and <c>itemsets</c>. These verbs never
/// fall back as the app does: users compare their output with arules, so a run that would exceed the budget
/// stops with exit code 2 and says what to change.
/// </summary>
internal sealed class MiningLimitOptions
{
    public Option<int> MaxLength { get; } = Verb.Option("--max-length",
        $"Longest itemset, {MiningSettings.MinItemsetLength} to {MiningSettings.MaxItemsetLength} (2 = pairs only), or 0 for no limit", 2);

    public Option<int> MemoryBudgetMb { get; } = Verb.Option("--memory-budget-mb",
        $"Most megabytes the mining structures may hold ({MemoryBudget.MinMegabytes} to {MemoryBudget.MaxMegabytes}); past it the verb stops with exit code 2",
        MemoryBudget.DefaultMegabytes);

    public IEnumerable<Option> All => [MaxLength, MemoryBudgetMb];

    /// <summary>A fresh budget with the encoded baskets and their SKUs already reserved, or a <see cref="CliUserException"/>.</summary>
    public MemoryBudget Budget(VerbContext context, LabelledBaskets baskets)
    {
        var megabytes = context.Get(MemoryBudgetMb);
        if (megabytes is < MemoryBudget.MinMegabytes or > MemoryBudget.MaxMegabytes)
        {
            throw new CliUserException($"--memory-budget-mb must be between {MemoryBudget.MinMegabytes} and {MemoryBudget.MaxMegabytes}, not {megabytes}");
        }
        var budget = MemoryBudget.FromMegabytes(megabytes);
        if (!budget.TryReserve(baskets.MemoryBytes))
        {
            throw new CliUserException(string.Create(CultureInfo.InvariantCulture,
                $"the baskets alone take {Megabytes(baskets.MemoryBytes)} MB once encoded, more than the memory budget of {megabytes:N0} MB: raise --memory-budget-mb"));
        }
        return budget;
    }

    /// <summary>The error for a run that would pass the budget at these settings.</summary>
    public static CliUserException Exceeded(MemoryBudget budget, MiningSettings settings, int minCount, string what) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"{what} at --max-length {settings.MaxLength} and minimum count {minCount:N0} need more than the memory budget of {budget.LimitMegabytes:N0} MB: raise --memory-budget-mb, raise --min-count or --min-support, or lower --max-length"));

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024)).ToString("N1", CultureInfo.InvariantCulture);
}
