using Microsoft.AspNetCore.Components.Forms;

namespace MerchDashboard.Features.Data;

/// <summary>A file the user chose: the browser's in the app, a stream in tests.</summary>
public interface IUploadedFile
{
    string Name { get; }
    long Size { get; }
    Stream OpenReadStream(long maxAllowedSize, CancellationToken ct);
}

public sealed class BrowserUploadedFile(IBrowserFile file) : IUploadedFile
{
    public string Name => file.Name;
    public long Size => file.Size;
    public Stream OpenReadStream(long maxAllowedSize, CancellationToken ct) => file.OpenReadStream(maxAllowedSize, ct);
}

/// <summary>
/// Uploaded files copied to temporary files, so the importer streams them from disk (twice: preview and
/// import) and the circuit never holds a whole file. Deleted on dispose; a folder left by a crash is deleted
/// at the next start (<see cref="StaleUploadCleaner"/>), told apart from live ones by its held lock file.
/// </summary>
public sealed class UploadFolder : IDisposable
{
    /// <summary>The largest file accepted: the real Online Retail file is 45 MB.</summary>
    public const long MaxBytes = 200L * 1024 * 1024;

    public const string LockFileName = ".in-use";

    /// <summary>Where every upload folder of this app lives, under the system's temporary folder.</summary>
    public static string Root => Path.Combine(Path.GetTempPath(), "merchdashboard-uploads");

    private readonly string _folder;
    private readonly FileStream _lock;

    public UploadFolder()
    {
        Directory.CreateDirectory(Root);
        _folder = Directory.CreateDirectory(Path.Combine(Root, $"upload-{Guid.NewGuid():N}")).FullName;
        _lock = new FileStream(Path.Combine(_folder, LockFileName), FileMode.Create, FileAccess.ReadWrite, FileShare.None);
    }

    /// <summary>Copies the file; null with a message when it is too large.</summary>
    public async Task<(string? Path, string? Error)> SaveAsync(IUploadedFile file, CancellationToken ct)
    {
        if (file.Size > MaxBytes)
        {
            return (null, $"{file.Name} is {file.Size / 1024.0 / 1024:N0} MB; the limit is {MaxBytes / 1024 / 1024} MB.");
        }
        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}-{Path.GetFileName(file.Name)}");
        await using var source = file.OpenReadStream(MaxBytes, ct);
        await using var target = File.Create(path);
        await source.CopyToAsync(target, ct);
        return (path, null);
    }

    public void Dispose()
    {
        _lock.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by an import being cancelled; the temp folder is cleaned by the system later.
        }
    }
}
