namespace MerchDashboard.Tests.Engine.Mining;

internal static class MiningTestData
{
    /// <summary>Labels chosen so ordinal order differs from culture order (upper case first, a space, an umlaut).</summary>
    private static readonly string[] Alphabet = ["a", "b", "B", "c", "a b", "d", "ä", "e", "Z", "f", "g", "h"];

    public static List<IReadOnlyList<string>> RandomBaskets(Random random)
    {
        var itemCount = random.Next(2, Alphabet.Length + 1);
        var basketCount = random.Next(1, 45);
        var maxSize = random.Next(1, 8);
        var baskets = new List<IReadOnlyList<string>>();
        for (var b = 0; b < basketCount; b++)
        {
            var size = random.Next(0, maxSize + 1);
            // Skewed draws so some itemsets are frequent; duplicates inside a basket are deliberate.
            baskets.Add([.. Enumerable.Range(0, size).Select(_ => Alphabet[(int)(itemCount * Math.Pow(random.NextDouble(), 2))])]);
        }
        return baskets;
    }

    /// <summary>Baskets of up to 11 of 11 items, drawn so that itemsets of 6 to 11 items are often frequent.</summary>
    public static List<IReadOnlyList<string>> RandomLongBaskets(Random random)
    {
        var itemCount = random.Next(6, Alphabet.Length);
        var basketCount = random.Next(1, 20);
        var baskets = new List<IReadOnlyList<string>>();
        for (var b = 0; b < basketCount; b++)
        {
            var keep = random.NextDouble() * 0.5 + 0.5;
            baskets.Add([.. Alphabet.Take(itemCount).Where(_ => random.NextDouble() < keep)]);
        }
        return baskets;
    }

    public static void ShouldBeClose(this double actual, double expected, string what)
    {
        if (double.IsInfinity(expected))
        {
            actual.ShouldBe(expected, what);
            return;
        }
        Math.Abs(actual - expected).ShouldBeLessThanOrEqualTo(1e-12 * Math.Max(1, Math.Abs(expected)), what);
    }
}
