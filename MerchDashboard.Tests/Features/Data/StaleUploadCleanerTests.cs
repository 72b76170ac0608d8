using MerchDashboard.Features.Data;

namespace MerchDashboard.Tests.Features.Data;

public class StaleUploadCleanerTests
{
    [Fact]
    public void Clean_FoldersLeftByACrash_AreDeletedAndLiveOnesKept()
    {
        using var live = new UploadFolder();
        var stale = Directory.CreateDirectory(Path.Combine(UploadFolder.Root, $"upload-{Guid.NewGuid():N}")).FullName;
        File.WriteAllText(Path.Combine(stale, "orders.csv"), "left by a crash");
        File.WriteAllText(Path.Combine(stale, UploadFolder.LockFileName), "");
        var liveFolders = Directory.EnumerateDirectories(UploadFolder.Root).Where(d => d != stale).ToList();

        var removed = StaleUploadCleaner.Clean(UploadFolder.Root);

        removed.ShouldBeGreaterThanOrEqualTo(1);
        Directory.Exists(stale).ShouldBeFalse();
        Directory.EnumerateDirectories(UploadFolder.Root).ShouldContain(d => liveFolders.Contains(d), "the live upload folder holds its lock");
    }
}
