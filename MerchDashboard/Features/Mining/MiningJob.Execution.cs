using MerchDashboard.Data.Entities;
using MerchDashboard.Engine.Mining;

namespace MerchDashboard.Features.Mining;

public sealed partial class MiningJob
{
    private async Task<MiningOutcome> ExecuteAsync(string trigger, CancellationToken ct)
    {
        var started = _time.GetUtcNow().UtcDateTime;
        int? runId = null;
        try
        {
            Report(MiningPhases.Stage(MiningPhase.ReadingOrders), 0, started, null);
            var settings = await _settingsStore.GetAsync(ct);
            runId = await _store.CreateRunAsync(trigger, settings, started, ct);
            var lastOrder = await _store.LastOrderIdAsync(ct);
            var phases = new MiningPhases(this, runId.Value, started, _time, _logger);
            var encoder = await _store.ReadBasketsAsync(phases.Of(MiningPhase.ReadingOrders), ct);
            phases.Report(new MiningProgress(MiningPhase.Encoding, 0));
            ct.ThrowIfCancellationRequested();
            var baskets = encoder.Build();
            var budget = MemoryBudget.FromMegabytes(_settingsStore.MemoryBudgetMegabytes);
            var result = AssociationMiner.Run(baskets, settings with { ListSize = StoredCandidates }, budget, phases, ct);
            var warning = result.Fallback?.Describe();
            if (warning is not null)
            {
                _logger.LogWarning("Mining run {Run} fell back to stay within the memory budget: {Warning}", runId, warning);
            }
            phases.Report(new MiningProgress(MiningPhase.Writing, 0));
            var (pairs, bundles) = await _store.WriteRunAsync(runId.Value, result, ct);
            if (BeforeSwap is { } hook)
            {
                await hook(ct);
            }
            phases.Report(new MiningProgress(MiningPhase.Publishing, 0));
            await _store.PublishAsync(runId.Value, pairs, bundles, result.BasketCount, warning, lastOrder, ct);
            // Published: from here on nothing may fail the run or touch its rows; the coordinator reloads the snapshot.
            phases.Finish();
            var message = $"Mined {result.BasketCount:N0} orders: {pairs:N0} suggestions and {bundles:N0} bundles in {(_time.GetUtcNow().UtcDateTime - started).TotalSeconds:N1} s."
                + (warning is null ? "" : $" {warning}");
            _logger.LogInformation("Mining run {Run} ({Trigger}): {Message}", runId, trigger, message);
            Report("Idle", 1, null, message);
            return new MiningOutcome(true, runId, message, warning);
        }
        catch (OperationCanceledException)
        {
            _logger.LogInformation("Mining run {Run} was cancelled; the previous suggestions keep serving", runId);
            await DiscardAsync(runId, MiningRunStatus.Cancelled, "Cancelled");
            Report("Idle", 0, null, "The last run was cancelled; the previous suggestions keep serving.");
            return new MiningOutcome(false, runId, "Cancelled; the previous suggestions keep serving.");
        }
        catch (Exception ex)
        {
            // Out of memory included: the run is recorded as failed and the job stays usable.
            _logger.LogError(ex, "Mining run {Run} failed; the previous suggestions keep serving", runId);
            await DiscardAsync(runId, MiningRunStatus.Failed, ex.Message);
            Report("Idle", 0, null, $"The last run failed ({ex.Message}); the previous suggestions keep serving.");
            return new MiningOutcome(false, runId, $"Failed: {ex.Message}");
        }
    }

    private async Task DiscardAsync(int? runId, MiningRunStatus status, string error)
    {
        if (runId is null)
        {
            return;
        }
        try
        {
            await _store.DiscardAsync(runId.Value, status, error);
        }
        catch (Exception ex)
        {
            // The run stays Running in the database; the next lease holder or start-up marks it abandoned.
            _logger.LogError(ex, "Recording the end of mining run {Run} failed", runId);
        }
    }
}
