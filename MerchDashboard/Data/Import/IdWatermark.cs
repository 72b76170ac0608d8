using Microsoft.EntityFrameworkCore;

namespace MerchDashboard.Data.Import;

/// <summary>
/// The highest id of every table an import writes. An import numbers its new rows from the watermark it
/// read before validating; inside its write transaction (which holds the database's write lock) it reads
/// the watermark again, and if anything was written in between (another process's import, a curation save)
/// it writes nothing and starts over, so two imports never hand out the same ids.
/// </summary>
public sealed record IdWatermark(int Category, int Product, int Customer, long Order, long Line, int Rule, int List, int Override)
{
    public static async Task<IdWatermark> ReadAsync(AppDbContext db, CancellationToken ct) => new(
        await db.Categories.MaxAsync(c => (int?)c.Id, ct) ?? 0,
        await db.Products.MaxAsync(p => (int?)p.Id, ct) ?? 0,
        await db.Customers.MaxAsync(c => (int?)c.Id, ct) ?? 0,
        await db.Orders.MaxAsync(o => (long?)o.Id, ct) ?? 0,
        await db.OrderLines.MaxAsync(l => (long?)l.Id, ct) ?? 0,
        await db.ComplementRules.MaxAsync(r => (int?)r.Id, ct) ?? 0,
        await db.CuratedLists.MaxAsync(l => (int?)l.Id, ct) ?? 0,
        await db.CurationOverrides.MaxAsync(o => (int?)o.Id, ct) ?? 0);

    /// <summary>Takes the database's write lock for the current transaction: SQLite's BEGIN IMMEDIATE already did; PostgreSQL needs an advisory lock.</summary>
    public static async Task LockForWriteAsync(AppDbContext db, CancellationToken ct)
    {
        if (db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true)
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7242031001)", ct);
        }
    }
}

/// <summary>The database changed between reading an import's plan and writing it.</summary>
public sealed class ImportConflictException() : Exception("The database changed while the import was being read.");

/// <summary>An orders file read several times by one import (docs/pipeline.md, "Imports and memory") was not the same file each time.</summary>
public sealed class ImportFileChangedException(string fileName)
    : Exception("The file changed while it was being imported (it is read more than once); nothing was written. Import it again once it no longer changes.")
{
    public string FileName { get; } = fileName;
}
