using MerchDashboard.Engine.Mining;

namespace MerchDashboard.Tests.Engine.Mining;

public class RankingScoreTests
{
    [Fact]
    public void Of_TwoSightingsAtLiftFifty_RanksBelowTwoHundredAtLiftFive()
    {
        // N = 10,000. Rare: count(A) = 2, count(C) = 200, both sightings together: lift 50.
        var rare = RuleStatistics.From(2, 2, 200, 10_000);
        // Common: count(A) = 400, count(C) = 1,000, 200 together: lift 5.
        var common = RuleStatistics.From(200, 400, 1_000, 10_000);
        rare.Lift.ShouldBe(50, 1e-12);
        common.Lift.ShouldBe(5, 1e-12);

        var rareScore = RankingScore.Of(rare, RankingScore.DefaultPriorCount);
        var commonScore = RankingScore.Of(common, RankingScore.DefaultPriorCount);

        rareScore.ShouldBe(12 / 10.04, 1e-12);
        commonScore.ShouldBe(210 / 50.0, 1e-12);
        commonScore.ShouldBeGreaterThan(rareScore);
    }

    [Fact]
    public void Of_NoPrior_IsTheLift()
    {
        var rule = RuleStatistics.From(30, 100, 50, 1_000);
        RankingScore.Of(rule, 0).ShouldBe(rule.Lift, 1e-12);
    }

    [Fact]
    public void Of_MoreEvidenceAtTheSameLift_ScoresHigher()
    {
        var prior = RankingScore.DefaultPriorCount;
        RankingScore.Of(RuleStatistics.From(30, 100, 100, 1_000), prior)
            .ShouldBeGreaterThan(RankingScore.Of(RuleStatistics.From(3, 10, 100, 1_000), prior));
    }
}
