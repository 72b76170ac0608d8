namespace MerchDashboard.Engine.Mining;

/// <summary>
/// The measures of a rule A -> C over N baskets, from three counts: count(A and C), count(A), count(C).
/// <list type="bullet">
/// <item>support = count(A and C) / N</item>
/// <item>confidence = support(A and C) / support(A) = count(A and C) / count(A)</item>
/// <item>lift = confidence / support(C)</item>
/// <item>leverage = support(A and C) - support(A) x support(C)</item>
/// <item>conviction = (1 - support(C)) / (1 - confidence); +Infinity when confidence is 1</item>
/// </list>
/// </summary>
public readonly record struct RuleStatistics(
    int Count,
    int AntecedentCount,
    int ConsequentCount,
    int BasketCount,
    double Support,
    double Confidence,
    double Lift,
    double Leverage,
    double Conviction)
{
    public static RuleStatistics From(int count, int antecedentCount, int consequentCount, int basketCount)
    {
        double n = basketCount;
        var support = count / n;
        var antecedentSupport = antecedentCount / n;
        var consequentSupport = consequentCount / n;
        var confidence = (double)count / antecedentCount;
        var conviction = count == antecedentCount ? double.PositiveInfinity : (1 - consequentSupport) / (1 - confidence);
        return new RuleStatistics(count, antecedentCount, consequentCount, basketCount,
            support, confidence, confidence / consequentSupport, support - antecedentSupport * consequentSupport, conviction);
    }

    /// <summary>The count expected if A and C were independent: count(A) x count(C) / N.</summary>
    public double ExpectedCount => (double)AntecedentCount * ConsequentCount / BasketCount;
}
