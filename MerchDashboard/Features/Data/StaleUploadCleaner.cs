namespace MerchDashboard.Features.Data;

/// <summary>
/// At start-up, deletes upload folders left behind by a crash or a kill: those whose lock file no live
/// <see cref="UploadFolder"/> holds (another instance's uploads in progress are left alone).
/// </summary>
public sealed class StaleUploadCleaner(ILogger<StaleUploadCleaner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var removed = Clean(UploadFolder.Root);
        if (removed > 0)
        {
            logger.LogInformation("Deleted {Count} upload folder(s) left by an earlier run", removed);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deletes the stale folders under <paramref name="root"/>; how many were deleted.</summary>
    public static int Clean(string root)
    {
        if (!Directory.Exists(root))
        {
            return 0;
        }
        var removed = 0;
        foreach (var folder in Directory.EnumerateDirectories(root))
        {
            if (InUse(folder))
            {
                continue;
            }
            try
            {
                Directory.Delete(folder, recursive: true);
                removed++;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Taken by another process in the meantime, or not ours to delete: left for the next start.
            }
        }
        return removed;
    }

    private static bool InUse(string folder)
    {
        try
        {
            using var probe = new FileStream(Path.Combine(folder, UploadFolder.LockFileName), FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return true;
        }
    }
}
