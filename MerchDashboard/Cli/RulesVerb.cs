using System.CommandLine;
using MerchDashboard.Engine.Mining;

namespace MerchDashboard.Cli;

/// <summary><c>rules</c>: association rules with one consequent and their raw statistics, unfiltered beyond the thresholds.</summary>
public static class RulesVerb
{
    public static Command Create()
    {
        var input = new MiningInput();
        var limits = new MiningLimitOptions();
        var minConfidence = Verb.Option("--min-confidence", "Minimum confidence in [0, 1]", 0.0);
        var minLift = Verb.Option("--min-lift", "Minimum lift, at least 0", 0.0);
        return Verb.Create("rules", "Association rules (antecedent -> one consequent) from a basket file or an orders CSV.",
            [.. input.All, .. limits.All, minConfidence, minLift],
            (context, ct) =>
            {
                var settings = MiningInput.Validated(new MiningSettings
                {
                    MinSupport = context.Get(input.MinSupport),
                    MinCount = context.Get(input.MinCount),
                    MinConfidence = context.Get(minConfidence),
                    MinLift = context.Get(minLift),
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
                if (!budget.TryReserve(RuleGenerator.EstimateBytes(itemsets)))
                {
                    throw MiningLimitOptions.Exceeded(budget, settings, minCount, "the rules");
                }
                var rules = RuleGenerator.Generate(itemsets, settings, ct);
                input.Write(context, writer =>
                {
                    if (json)
                    {
                        MiningOutput.WriteRulesJson(writer, labelled, itemsets, rules, settings);
                    }
                    else
                    {
                        MiningOutput.WriteRulesCsv(writer, labelled, itemsets, rules);
                    }
                });
                return Task.FromResult(CommandLine.Success);
            });
    }
}
