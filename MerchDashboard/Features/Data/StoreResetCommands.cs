using MerchDashboard.Data;
using MerchDashboard.Data.Entities;
using MerchDashboard.Data.Import;
using MerchDashboard.Features.Mining;
using MerchDashboard.Features.Serving;
using MerchDashboard.Features.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Features.Data;

/// <summary>The outcome of a reset: the import's report when it got that far, else why it stopped.</summary>
public sealed record ResetResult(bool Succeeded, string Message, ImportReport? Import);

/// <summary>
/// Restores the demo store: deletes the store's data in one transaction (users, API keys and settings stay),
/// imports seed-data, mines, and reloads the serving snapshot.
/// </summary>
public sealed class StoreResetCommands(
    IDbContextFactory<AppDbContext> dbFactory,
    StoreImporter importer,
    MiningJob mining,
    StoreSnapshotService snapshots,
    IOptions<DatabaseOptions> options,
    IHostEnvironment environment,
    TimeProvider time,
    StoreSettings storeSettings)
{
    public const string Warning = "This deletes all orders, products, customers, curated lists (with their audit trail), "
        + "storefront events and mining runs, then imports the demo store. Users and API keys stay.";

    public async Task<ResetResult> ResetAsync(string user, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        if (options.Value.ResolveSeedFolder(environment.ContentRootPath) is not { } folder)
        {
            return new ResetResult(false, $"No demo store was found at '{options.Value.SeedFolder}'; nothing was deleted.", null);
        }
        mining.Cancel();
        await DeleteStoreAsync(ct);
        var report = await importer.ImportAsync(StoreFiles.FromFolder(folder), progress, CancellationToken.None);
        if (!report.Succeeded)
        {
            return new ResetResult(false, "The store was emptied but the demo store could not be imported: " + string.Join("; ", report.Problems.Take(3)), report);
        }
        await using (var db = await dbFactory.CreateDbContextAsync(CancellationToken.None))
        {
            db.AuditEntries.Add(new AuditEntry { At = time.GetUtcNow().UtcDateTime, User = user, Action = "reset-store", Summary = "Restored the demo store" });
            await db.SaveChangesAsync(CancellationToken.None);
        }
        await storeSettings.MarkDemoStoreAsync(true, CancellationToken.None);
        progress?.Report(new ImportProgress("Mining", 0, 1));
        await MineAsync(ct);
        await snapshots.ReloadAllAsync(CancellationToken.None);
        return new ResetResult(true, "The demo store was restored and mined.", report);
    }

    private async Task DeleteStoreAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.MinedBundles.ExecuteDeleteAsync(ct);
        await db.MinedPairs.ExecuteDeleteAsync(ct);
        await db.MiningRuns.ExecuteDeleteAsync(ct);
        await db.StorefrontEvents.ExecuteDeleteAsync(ct);
        await db.AuditEntries.ExecuteDeleteAsync(ct);
        await db.CurationOverrides.ExecuteDeleteAsync(ct);
        await db.CuratedLists.ExecuteDeleteAsync(ct);
        await db.ComplementRules.ExecuteDeleteAsync(ct);
        await db.CategoryPairings.ExecuteDeleteAsync(ct);
        await db.OrderLines.ExecuteDeleteAsync(ct);
        await db.Orders.ExecuteDeleteAsync(ct);
        await db.Customers.ExecuteDeleteAsync(ct);
        await db.Products.ExecuteDeleteAsync(ct);
        await db.Categories.Where(c => c.ParentId != null).ExecuteDeleteAsync(ct);
        await db.Categories.ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The import already started a run (its Imported event); wait for it, or run one when none started.</summary>
    private async Task MineAsync(CancellationToken ct)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            while (mining.Status.Running)
            {
                await Task.Delay(200, ct);
            }
            if (await mining.HasCurrentRunAsync(ct))
            {
                return;
            }
            var outcome = await mining.RunAsync("reset", ct);
            if (outcome.Succeeded || outcome.RunId is not null)
            {
                return;
            }
        }
    }
}
