using System.CommandLine;
using MerchDashboard.Engine.Mining;

namespace MerchDashboard.Cli;

/// <summary><c>itemsets</c>: every frequent itemset of 1 to --max-length items with its count and support.</summary>
public static class ItemsetsVerb
{
    public static Command Create()
    {
        var input = new MiningInput();
        var limits = new MiningLimitOptions();
        return Verb.Create("itemsets", "Frequent itemsets from a basket file or an orders CSV.", [.. input.All, .. limits.All],
            (context, ct) =>
            {
                var settings = MiningInput.Validated(new MiningSettings
                {
                    MinSupport = context.Get(input.MinSupport),
                    MinCount = context.Get(input.MinCount),
                    MaxLength = context.Get(limits.MaxLength),
                });
                var json = input.Json(context);
                var labelled = input.Load(context, ct);
                var budget = limits.Budget(context, labelled);
                var baskets = labelled.Baskets;
                var minCount = settings.MinCountFor(baskets.BasketCount);
                var progress = new ConsoleProgress<double>(context.Error, p => $"mining: {p:P0}");
                var itemsets = FrequentItemsetMiner.TryMine(baskets, minCount, settings.MaxLength, budget, progress, ct)
                    ?? throw MiningLimitOptions.Exceeded(budget, settings, minCount, "the frequent itemsets");
                progress.Done();
                input.Write(context, writer =>
                {
                    if (json)
                    {
                        MiningOutput.WriteItemsetsJson(writer, labelled, itemsets, settings);
                    }
                    else
                    {
                        MiningOutput.WriteItemsetsCsv(writer, labelled, itemsets);
                    }
                });
                return Task.FromResult(CommandLine.Success);
            });
    }
}
