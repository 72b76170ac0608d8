namespace MerchDashboard.Engine.Mining;

/// <summary>
/// The ranking score of a rule A -> C: its lift shrunk towards 1 by a prior worth m pseudo-counts,
/// <c>score = (count(A and C) + m) / (E + m)</c> with <c>E = count(A) x count(C) / N</c>, the count expected
/// under independence. It is the posterior mean of the lift when the count is Poisson with mean
/// lift x E and the lift has a Gamma(m, m) prior (mean 1: "no association" until the data say otherwise).
/// Why not lift: a pair seen twice with a rare consequent has a huge lift from pure noise; here two
/// observations barely move the score (m = 10, count 2, E = 0.04: score 1.2), while 200 observations
/// against 40 expected (lift 5) keep most of their lift (score 4.2). Why not the Wilson lower bound of
/// confidence divided by support(C): that bound ignores how rare C is, so the same rare pair still wins
/// (2 of 2 gives a bound of 0.34, which divided by support(C) = 0.02 is 17).
/// </summary>
public static class RankingScore
{
    public const double DefaultPriorCount = 10;

    public static double Of(in RuleStatistics rule, double priorCount) =>
        Of(rule.Count, rule.ExpectedCount, priorCount);

    public static double Of(int count, double expectedCount, double priorCount) =>
        (count + priorCount) / (expectedCount + priorCount);
}
