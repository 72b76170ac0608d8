using System.Diagnostics;
using MerchDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Data.Import;

/// <summary>
/// Imports a store (catalog, customers, orders, curation) all or nothing: every file is read and
/// validated first; only when no problem was found is everything written, in one transaction.
/// One import runs at a time in a process; across processes, <see cref="IdWatermark"/> detects a write made
/// meanwhile and the import starts over, up to <see cref="MaxAttempts"/> times.
/// </summary>
public sealed class StoreImporter(
    IDbContextFactory<AppDbContext> dbFactory,
    IBulkWriter writer,
    TimeProvider time,
    ILogger<StoreImporter> logger,
    IOptions<ImportOptions>? options = null) : IDisposable
{
    private readonly ImportOptions _options = options?.Value ?? new ImportOptions();
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>
    /// Whether orders files are cleaned whole in memory (<see cref="OrderReader"/>) instead of streamed
    /// (<see cref="Streaming.StreamedOrderReader"/>): the reference the streamed import is tested against.
    /// </summary>
    internal bool CleanOrdersInMemory { get; init; }

    /// <summary>Attempts before an import that keeps finding the database changed under it gives up (nothing written).</summary>
    public const int MaxAttempts = 3;

    /// <summary>
    /// Imports <paramref name="files"/>; a successful import that changed anything bumps <see cref="StoreFiles.ChangeStamp"/>
    /// (and, with new orders, <see cref="DataStamps.MiningRequested"/>) in its own transaction, which is how every
    /// running instance learns of it (docs/pipeline.md).
    /// </summary>
    public async Task<ImportReport> ImportAsync(StoreFiles files, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        if (!files.ScopeCoversFiles)
        {
            throw new ArgumentException("An import scope covers products and orders of known SKUs only (StoreFiles.Scope)", nameof(files));
        }
        await _gate.WaitAsync(ct);
        try
        {
            return await ImportWithRetryAsync(files, progress, ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<ImportReport> ImportWithRetryAsync(StoreFiles files, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ImportCoreAsync(files, progress, ct);
            }
            catch (ImportConflictException) when (attempt < MaxAttempts)
            {
                logger.LogInformation("The database changed while the import was being read (attempt {Attempt}); reading it again", attempt);
            }
            catch (ImportFileChangedException changed)
            {
                return ImportReport.Failed([new ImportProblem(changed.FileName, 0, "", changed.Message)], clock.Elapsed, truncated: false);
            }
            catch (ImportConflictException)
            {
                return ImportReport.Failed([new ImportProblem("(database)", 0, "",
                    $"Another import or change wrote to the database while this import was being read, {MaxAttempts} times in a row; nothing was written. Run the import again.")],
                    clock.Elapsed, truncated: false);
            }
        }
    }

    private async Task<ImportReport> ImportCoreAsync(StoreFiles files, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var watermark = await IdWatermark.ReadAsync(db, ct);
        var plan = await ImportPlan.LoadAsync(db, _options.WithSeparator(files.DecimalSeparator), files.OrderIds, files.Scope, ct);
        var log = new ProblemLog();

        progress?.Report(new ImportProgress("Reading the catalog", 0, 1));
        if (files.Categories is { } categories)
        {
            CatalogReaders.ReadCategories(categories, plan, log, ct);
        }
        if (files.Products is { } products)
        {
            CatalogReaders.ReadProducts(products, plan, log, ct);
        }
        if (files.Customers is { } customers)
        {
            CatalogReaders.ReadCustomers(customers, plan, log, ct);
        }
        if (files.ComplementRules is { } rules)
        {
            CatalogReaders.ReadComplementRules(rules, plan, log, ct);
        }
        if (files.Orders is { } orders)
        {
            var catalogGiven = files.Products is not null || files.RequireKnownSkus;
            if (CleanOrdersInMemory)
            {
                new OrderReader(plan, log, catalogGiven).Read(orders, files.OrdersLayout, progress, ct);
            }
            else
            {
                new Streaming.StreamedOrderReader(plan, log, catalogGiven).Read(orders, files.OrdersLayout, progress, ct);
            }
        }
        var lists = new Dictionary<string, CuratedList>(StringComparer.Ordinal);
        if (files.CuratedLists is { } curated)
        {
            CurationReaders.ReadLists(curated, plan, log, now, lists, ct);
        }
        if (files.CuratedOverrides is { } overrides)
        {
            CurationReaders.ReadOverrides(overrides, plan, log, now, lists, ct);
        }

        if (log.Any)
        {
            logger.LogWarning("Import refused: {Count} problem(s); first: {First}", log.Problems.Count, log.Problems[0]);
            return ImportReport.Failed(log.Problems, clock.Elapsed, log.Truncated) with { Layout = plan.Layout, MoreProblems = log.Dropped };
        }

        DateCustomersByFirstOrder(plan);
        await WriteAsync(db, plan, watermark, files, progress, ct);
        var report = new ImportReport(true, [], plan.Counts(), plan.SkippedRows, plan.DuplicateOrders, clock.Elapsed)
        {
            Cleaning = plan.Tally.Kinds, Layout = plan.Layout, Notes = plan.Notes,
        };
        logger.LogInformation("{Summary}", report.Summary);
        return report;
    }

    private async Task WriteAsync(AppDbContext db, ImportPlan plan, IdWatermark watermark, StoreFiles files, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        long total = plan.NewCategories.Count + plan.NewProducts.Count + plan.UpdatedProducts.Count + plan.NewCustomers.Count + (plan.NewOrders?.Count ?? 0)
            + (plan.NewOrders?.LineCount ?? 0) + plan.NewRules.Count + plan.NewLists.Count + plan.NewOverrides.Count;
        long done = 0;
        void Advance(long rows)
        {
            done += rows;
            progress?.Report(new ImportProgress("Writing to the database", done, total));
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await IdWatermark.LockForWriteAsync(db, ct);
        if (await IdWatermark.ReadAsync(db, ct) != watermark)
        {
            throw new ImportConflictException();
        }
        // Parents before children: the two category levels are written in two passes.
        await writer.InsertAsync(db, plan.NewCategories.Where(c => c.ParentId is null), Advance, ct);
        await writer.InsertAsync(db, plan.NewCategories.Where(c => c.ParentId is not null), Advance, ct);
        await writer.InsertAsync(db, plan.NewProducts, Advance, ct);
        await writer.InsertAsync(db, plan.NewCustomers, Advance, ct);
        if (plan.NewOrders is { } orders)
        {
            await orders.WriteAsync(db, writer, Advance, ct);
        }
        await writer.InsertAsync(db, plan.NewRules, Advance, ct);
        await writer.InsertAsync(db, plan.NewLists, Advance, ct);
        await writer.InsertAsync(db, plan.NewOverrides, Advance, ct);
        if (plan.UpdatedProducts.Count > 0)
        {
            db.Products.UpdateRange(plan.UpdatedProducts);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            Advance(plan.UpdatedProducts.Count);
        }
        await StampAsync(db, plan, files, ct);
        // Past this point the import is committed whatever the token says.
        await tx.CommitAsync(CancellationToken.None);
    }

    /// <summary>Inside the import's transaction, so a stamp never announces rows that are not there.</summary>
    private async Task StampAsync(AppDbContext db, ImportPlan plan, StoreFiles files, CancellationToken ct)
    {
        var counts = plan.Counts();
        var changed = counts.Categories + counts.Products + counts.UpdatedProducts + counts.Customers + counts.Orders
            + counts.ComplementRules + counts.CuratedLists + counts.CuratedOverrides > 0;
        if (!changed)
        {
            return;
        }
        var now = time.GetUtcNow().UtcDateTime;
        await DataStamps.BumpAsync(db, files.ChangeStamp, now, ct);
        if (counts.ComplementRules > 0 && files.ChangeStamp != DataStamps.Data)
        {
            await DataStamps.BumpAsync(db, DataStamps.Rules, now, ct);
        }
        if (counts.Orders > 0 && files.RequestMining)
        {
            await DataStamps.BumpAsync(db, DataStamps.MiningRequested, now, ct);
        }
    }

    public void Dispose() => _gate.Dispose();

    private static void DateCustomersByFirstOrder(ImportPlan plan)
    {
        var undated = plan.NewCustomers.Where(c => c.CreatedAt == DateTime.MinValue).ToDictionary(c => c.Id);
        if (undated.Count == 0)
        {
            return;
        }
        foreach (var (id, placedAt) in plan.NewOrders?.CustomerOrderDates() ?? [])
        {
            if (undated.TryGetValue(id, out var customer) && (customer.CreatedAt == DateTime.MinValue || placedAt < customer.CreatedAt))
            {
                customer.CreatedAt = placedAt;
            }
        }
    }
}
