using MerchDashboard.Engine.Mining;

namespace MerchDashboard.Features.Mining;

/// <summary>
/// Turns phase progress into the job's status (one bar over the whole run: each phase owns a slice) and
/// logs each phase's duration when the next one starts.
/// </summary>
internal sealed class MiningPhases(MiningJob job, int runId, DateTime started, TimeProvider time, ILogger logger) : IProgress<MiningProgress>
{
    private static readonly Dictionary<MiningPhase, (string Stage, double From, double To)> Slices = new()
    {
        [MiningPhase.ReadingOrders] = ("Reading orders", 0, 0.15),
        [MiningPhase.Encoding] = ("Encoding baskets", 0.15, 0.2),
        [MiningPhase.Pairs] = ("Counting pairs", 0.2, 0.4),
        [MiningPhase.RulesAndRanking] = ("Ranking suggestions", 0.4, 0.45),
        [MiningPhase.LongerItemsets] = ("Mining itemsets of 3+ items", 0.45, 0.75),
        [MiningPhase.Bundles] = ("Choosing bundles", 0.75, 0.8),
        [MiningPhase.Writing] = ("Writing suggestions", 0.8, 0.95),
        [MiningPhase.Publishing] = ("Publishing", 0.95, 1),
    };

    private MiningPhase? _current;
    private long _phaseStarted;

    public static string Stage(MiningPhase phase) => Slices[phase].Stage;

    public IProgress<double> Of(MiningPhase phase) => new Progress(this, phase);

    public void Report(MiningProgress value)
    {
        if (value.Phase != _current)
        {
            LogFinished();
            _current = value.Phase;
            _phaseStarted = time.GetTimestamp();
        }
        var (stage, from, to) = Slices[value.Phase];
        job.Report(stage, from + ((to - from) * Math.Clamp(value.Fraction, 0, 1)), started, null);
    }

    /// <summary>Logs the last phase.</summary>
    public void Finish()
    {
        LogFinished();
        _current = null;
    }

    private void LogFinished()
    {
        if (_current is { } phase)
        {
            logger.LogInformation("Mining run {Run}: {Phase} took {Milliseconds:N0} ms", runId, Slices[phase].Stage, time.GetElapsedTime(_phaseStarted).TotalMilliseconds);
        }
    }

    private sealed class Progress(MiningPhases phases, MiningPhase phase) : IProgress<double>
    {
        public void Report(double value) => phases.Report(new MiningProgress(phase, value));
    }
}
