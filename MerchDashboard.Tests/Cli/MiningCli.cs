using MerchDashboard.Cli;

namespace MerchDashboard.Tests.Cli;

/// <summary>Runs a verb in-process against temporary files, capturing its output.</summary>
internal sealed class MiningCli : IDisposable
{
    public const string Baskets = "bread,milk\nbread,butter,milk\nmilk\nbread,butter\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("merch-cli-").FullName;

    public string File(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public string PathOf(string name) => Path.Combine(_folder, name);

    public static async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CommandLine.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
