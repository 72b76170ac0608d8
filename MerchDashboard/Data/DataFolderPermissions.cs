using Microsoft.Data.Sqlite;

namespace MerchDashboard.Data;

/// <summary>
/// The data folder holds the database (with the Data Protection keys that sign cookies) and, in
/// Development, the demo passwords: on Unix it is made owner-only (folder 0700, files 0600), at creation
/// and again at every start for installs made before. SQLite gives its -wal and -shm files the database
/// file's mode, so creating the empty database file owner-only covers them. Windows keeps its ACLs.
/// A database file created here is switched to write-ahead logging at once, as EF Core does for files it
/// creates itself: readers and a writer then work at the same time.
/// </summary>
public static class DataFolderPermissions
{
    public const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void CreateOwnerOnly(string folder, string databaseFile)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }
        Directory.CreateDirectory(folder, Folder);
        System.IO.File.SetUnixFileMode(folder, Folder);
        if (!System.IO.File.Exists(databaseFile))
        {
            // An empty file is a new database to SQLite; creating it here decides its mode.
            using (new FileStream(databaseFile, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = File }))
            {
                // Only the mode matters here.
            }
            using var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False");
            connection.Open();
            using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            wal.ExecuteNonQuery();
        }
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            if ((System.IO.File.GetUnixFileMode(file) & ~File) != 0)
            {
                System.IO.File.SetUnixFileMode(file, File);
            }
        }
    }

    /// <summary>Writes a text file that only the owner can read (on Unix).</summary>
    public static async Task WriteOwnerOnlyAsync(string path, IEnumerable<string> lines)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = File;
        }
        await using (var writer = new StreamWriter(path, new System.Text.UTF8Encoding(false), options))
        {
            foreach (var line in lines)
            {
                await writer.WriteLineAsync(line);
            }
        }
        if (!OperatingSystem.IsWindows())
        {
            System.IO.File.SetUnixFileMode(path, File);
        }
    }
}
