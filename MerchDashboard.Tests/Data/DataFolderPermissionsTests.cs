using MerchDashboard.Data;
using MerchDashboard.Features.Account;
using MerchDashboard.Tests.TestSupport;

namespace MerchDashboard.Tests.Data;

/// <summary>The data folder (database with the Data Protection keys, demo passwords) is readable by its owner only.</summary>
[Collection(SharedMerchApp.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DataFolderPermissionsTests(MerchAppFixture app)
{
    [Fact]
    public void Start_OnUnix_FolderIs0700AndEveryFile0600()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        var folder = app.Factory.DataFolder;

        // SQLite removes the -wal file when the last connection closes: hold one open so the file is there to check.
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(folder, "merchdashboard.db")};Pooling=False");
        connection.Open();
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT count(*) FROM sqlite_master";
            read.ExecuteScalar();
        }

        File.GetUnixFileMode(folder).ShouldBe(DataFolderPermissions.Folder);
        var files = Directory.GetFiles(folder).Select(Path.GetFileName).ToList();
        files.ShouldContain("merchdashboard.db");
        files.ShouldContain("merchdashboard.db-wal");
        files.ShouldContain(AccountInitializer.PasswordsFile);
        foreach (var file in Directory.GetFiles(folder).Where(File.Exists))
        {
            File.GetUnixFileMode(file).ShouldBe(DataFolderPermissions.File, file);
        }
    }

    [Fact]
    public void CreateOwnerOnly_ExistingWorldReadableInstall_Tightened()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        var folder = Path.Combine(Path.GetTempPath(), "merch-perm-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var database = Path.Combine(folder, "merchdashboard.db");
            File.WriteAllText(database, "");
            File.SetUnixFileMode(database, DataFolderPermissions.File | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            File.SetUnixFileMode(folder, DataFolderPermissions.Folder | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

            DataFolderPermissions.CreateOwnerOnly(folder, database);

            File.GetUnixFileMode(folder).ShouldBe(DataFolderPermissions.Folder);
            File.GetUnixFileMode(database).ShouldBe(DataFolderPermissions.File);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
