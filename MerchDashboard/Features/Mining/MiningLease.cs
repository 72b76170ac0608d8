using MerchDashboard.Data;
using MerchDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace MerchDashboard.Features.Mining;

/// <summary>
/// A database lease so that only one instance mines at a time: the <see cref="Key"/> row in
/// AppSettings names its owner (UpdatedBy) and expiry (UpdatedAt). Taking it is one atomic UPDATE
/// that matches only an expired lease or our own; the holder renews it while running and expires
/// it at the end. An instance that dies mid-run blocks others for at most <see cref="Duration"/>.
/// </summary>
public sealed class MiningLease(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    public const string Key = "mining.lease";
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(2);

    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

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

    /// <summary>Renews the lease every quarter of its duration until cancelled.</summary>
    public async Task KeepAsync(CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Duration / 4, time, ct);
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                var expires = time.GetUtcNow().UtcDateTime + Duration;
                var owner = Owner;
                await db.AppSettings.Where(s => s.Key == Key && s.UpdatedBy == owner)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.UpdatedAt, expires), ct);
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended.
        }
    }

    public async Task ReleaseAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var expired = time.GetUtcNow().UtcDateTime.AddSeconds(-1);
        var owner = Owner;
        await db.AppSettings.Where(s => s.Key == Key && s.UpdatedBy == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Value, "idle").SetProperty(x => x.UpdatedAt, expired));
    }
}
