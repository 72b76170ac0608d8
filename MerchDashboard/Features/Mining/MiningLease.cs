using System.Diagnostics;
using System.Globalization;
using MerchDashboard.Data;
using MerchDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace MerchDashboard.Features.Mining;

/// <summary>
/// A database lease so that only one instance mines at a time: the <see cref="Key"/> row in
/// AppSettings names its owner (UpdatedBy: machine/process id/random) and expiry (UpdatedAt). Taking it is
/// one atomic UPDATE that matches only an expired lease or our own; the holder renews it while running and
/// expires it at the end. An instance that dies mid-run blocks others for at most <see cref="Duration"/>,
/// and not at all when it restarts on the same machine (<see cref="IsDeadLocalOwner"/>).
/// </summary>
public sealed class MiningLease(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    public const string Key = "mining.lease";
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(2);

    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Test seam: awaited before each renewal and release ("renew", "release"), to inject database faults.</summary>
    internal Func<string, Task>? BeforeCommand { get; set; }

    public async Task<bool> TryAcquireAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        if (!await db.AppSettings.AnyAsync(s => s.Key == Key, ct))
        {
            db.AppSettings.Add(new AppSetting { Key = Key, Value = "idle", UpdatedAt = now.AddDays(-1), UpdatedBy = "" });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another instance created the row at the same moment; the UPDATE below decides.
            }
        }
        var expires = now + Duration;
        var owner = Owner;
        return await db.AppSettings.Where(s => s.Key == Key && (s.UpdatedAt < now || s.UpdatedBy == owner))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Value, "running").SetProperty(x => x.UpdatedBy, owner)
                .SetProperty(x => x.UpdatedAt, expires), ct) == 1;
    }

    /// <summary>
    /// Renews the lease every quarter of its duration until cancelled. A failed renewal is reported and the
    /// next one tried: the run goes on (if renewals keep failing the lease may expire and another instance
    /// start; the swap is one transaction, so both runs stay consistent).
    /// </summary>
    public async Task KeepAsync(Action<Exception> renewalFailed, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Duration / 4, time, ct);
                if (BeforeCommand is { } hook)
                {
                    await hook("renew");
                }
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                var expires = time.GetUtcNow().UtcDateTime + Duration;
                var owner = Owner;
                await db.AppSettings.Where(s => s.Key == Key && s.UpdatedBy == owner)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.UpdatedAt, expires), ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                renewalFailed(ex);
            }
        }
    }

    public async Task ReleaseAsync()
    {
        if (BeforeCommand is { } hook)
        {
            await hook("release");
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        var expired = time.GetUtcNow().UtcDateTime.AddSeconds(-1);
        var owner = Owner;
        await db.AppSettings.Where(s => s.Key == Key && s.UpdatedBy == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Value, "idle").SetProperty(x => x.UpdatedAt, expired));
    }

    /// <summary>
    /// Whether no live run can hold the lease: it is missing, expired, ours, or held by a process of this
    /// machine that no longer exists (a crash and restart within <see cref="Duration"/>); a stale local
    /// holder's lease is expired on the way. A lease held by another machine is trusted until it expires.
    /// </summary>
    public async Task<bool> IsFreeOrStaleAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.AppSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Key == Key, ct);
        var now = time.GetUtcNow().UtcDateTime;
        if (row is null || row.UpdatedAt < now || row.UpdatedBy == Owner)
        {
            return true;
        }
        if (!IsDeadLocalOwner(row.UpdatedBy))
        {
            return false;
        }
        var stale = row.UpdatedBy;
        await db.AppSettings.Where(s => s.Key == Key && s.UpdatedBy == stale)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Value, "idle").SetProperty(x => x.UpdatedAt, now.AddSeconds(-1)), ct);
        return true;
    }

    /// <summary>An owner of this machine whose process is gone, or has this process's id (a restarted container's pid 1) but another random part.</summary>
    internal bool IsDeadLocalOwner(string owner)
    {
        var parts = owner.Split('/');
        if (parts.Length != 3 || parts[0] != Environment.MachineName || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            return false;
        }
        if (pid == Environment.ProcessId)
        {
            return owner != Owner;
        }
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
