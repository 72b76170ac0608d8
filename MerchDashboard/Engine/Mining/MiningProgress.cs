namespace MerchDashboard.Engine.Mining;

/// <summary>The phases of a mining run, in order; the engine reports the middle four, the app all of them.</summary>
public enum MiningPhase
{
    ReadingOrders,
    Encoding,
    Pairs,
    LongerItemsets,
    RulesAndRanking,
    Bundles,
    Writing,
    Publishing,
}

/// <summary>How far a phase has come, from 0 to 1.</summary>
public readonly record struct MiningProgress(MiningPhase Phase, double Fraction);
