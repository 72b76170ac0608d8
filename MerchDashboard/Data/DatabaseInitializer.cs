using MerchDashboard.Data.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Data;

/// <summary>
/// At start-up: apply migrations, then import the demo store if the database is empty and
/// <see cref="DatabaseOptions.SeedDemoStore"/> allows it (by default in Development only). Returns whether it
/// did. Both happen under <see cref="StartupLock"/>, so of two instances started together one imports and the
/// other finds the store there.
/// </summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<AppDbContext> dbFactory,
    StoreImporter importer,
    IOptions<DatabaseOptions> options,
    IHostEnvironment environment,
    ILogger<DatabaseInitializer> logger)
{
    public async Task<bool> InitializeAsync(CancellationToken ct = default)
    {
        await using var startup = await StartupLock.AcquireAsync(dbFactory, ct);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await db.Database.MigrateAsync(ct);
            if (!options.Value.ShouldSeedDemoStore(environment.IsDevelopment()) || await db.Orders.AnyAsync(ct) || await db.Products.AnyAsync(ct))
            {
                return false;
            }
        }
        var folder = options.Value.ResolveSeedFolder(environment.ContentRootPath);
        if (folder is null)
        {
            logger.LogWarning("The database is empty and no demo store was found at '{Folder}'; import your own data on the Data page", options.Value.SeedFolder);
            return false;
        }
        logger.LogInformation("The database is empty: importing the demo store from {Folder}", folder);
        var lastLogged = -1;
        var progress = new Progress<ImportProgress>(p =>
        {
            var percent = (int)(p.Fraction * 100) / 25 * 25;
            if (percent != lastLogged)
            {
                lastLogged = percent;
                logger.LogInformation("Demo import: {Stage} {Percent}%", p.Stage, percent);
            }
        });
        var report = await importer.ImportAsync(StoreFiles.FromFolder(folder), progress, ct);
        if (!report.Succeeded)
        {
            throw new InvalidOperationException("The demo store could not be imported: " + string.Join("; ", report.Problems.Take(5)));
        }
        return true;
    }
}
