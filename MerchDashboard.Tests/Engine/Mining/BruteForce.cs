namespace MerchDashboard.Tests.Engine.Mining;

/// <summary>
/// An obviously-correct reference: every subset of every basket is enumerated with LINQ and counted in a
/// dictionary; rules come from the definitions, with thresholds compared in exact integer arithmetic.
/// Itemsets are keyed by their items sorted ordinally and joined with '|'.
/// </summary>
internal sealed class BruteForce
{
    public BruteForce(IReadOnlyList<IReadOnlyList<string>> baskets, int maxLength)
    {
        N = baskets.Count;
        Counts = baskets
            .Select(b => b.Select(i => i.Trim()).Where(i => i.Length > 0).Distinct().Order(StringComparer.Ordinal).ToArray())
            .SelectMany(items => Enumerable.Range(1, (1 << items.Length) - 1)
                .Select(mask => items.Where((_, i) => ((mask >> i) & 1) == 1).ToArray())
                .Where(subset => subset.Length <= maxLength))
            .GroupBy(Key)
            .ToDictionary(g => g.Key, g => g.Count());
    }

    public int N { get; }

    public Dictionary<string, int> Counts { get; }

    public static string Key(IEnumerable<string> items) => string.Join("|", items.Order(StringComparer.Ordinal));

    public Dictionary<string, int> Frequent(int minCount) =>
        Counts.Where(c => c.Value >= minCount).ToDictionary(c => c.Key, c => c.Value);

    /// <summary>Rules "S minus c -> c" of frequent S, kept when count/countA >= confidenceTwentieths/20 and lift >= liftQuarters/4.</summary>
    public Dictionary<(string Antecedent, string Consequent), ExpectedRule> Rules(int minCount, int confidenceTwentieths, int liftQuarters)
    {
        var rules = new Dictionary<(string, string), ExpectedRule>();
        foreach (var (key, count) in Frequent(minCount))
        {
            var items = key.Split('|');
            if (items.Length < 2)
            {
                continue;
            }
            foreach (var consequent in items)
            {
                var antecedent = Key(items.Where(i => i != consequent));
                var (countA, countC) = (Counts[antecedent], Counts[consequent]);
                if ((long)count * 20 >= (long)confidenceTwentieths * countA && (long)count * N * 4 >= (long)liftQuarters * countA * countC)
                {
                    rules[(antecedent, consequent)] = new ExpectedRule(count, countA, countC, N);
                }
            }
        }
        return rules;
    }
}

/// <summary>The measures from their definitions, computed another way than the engine does.</summary>
internal sealed record ExpectedRule(int Count, int CountA, int CountC, int N)
{
    public double Support => (double)Count / N;
    public double Confidence => (double)Count / CountA;
    public double Lift => (double)Count * N / ((double)CountA * CountC);
    public double Leverage => ((double)Count * N - (double)CountA * CountC) / ((double)N * N);
    public double Conviction => Count == CountA ? double.PositiveInfinity : (double)(N - CountC) * CountA / ((double)N * (CountA - Count));
}
