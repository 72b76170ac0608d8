namespace MerchDashboard.Tests.TestSupport;

/// <summary>Folders of the repository, found by walking up from the test binaries.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string SeedData => Path.Combine(Root, "seed-data");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MerchDashboard.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"no MerchDashboard.sln above {AppContext.BaseDirectory}");
    }
}
