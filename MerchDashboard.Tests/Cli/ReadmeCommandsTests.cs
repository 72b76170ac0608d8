using System.Diagnostics;
using System.Text.Json;
using MerchDashboard.Tests.TestSupport;

namespace MerchDashboard.Tests.Cli;

/// <summary>
/// The README's scripting examples run exactly as written, through <c>dotnet run</c> with the launch profile
/// present: what they redirect to a file must be the verb's result and nothing else (no SDK line, no progress).
/// </summary>
public sealed class ReadmeCommandsTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Readme_RulesAndClvCommands_WriteOnlyJsonToStandardOutput()
    {
        var commands = ReadmeCommands();
        var rules = commands.Single(c => c.Contains(" -- rules ", StringComparison.Ordinal));
        var clv = commands.Single(c => c.Contains(" -- clv ", StringComparison.Ordinal));

        using (var document = JsonDocument.Parse(await RunAsync(rules)))
        {
            var found = document.RootElement.GetProperty("rules");
            found.GetArrayLength().ShouldBeGreaterThan(0);
            found.EnumerateArray().ShouldAllBe(r => r.GetProperty("lift").GetDouble() >= 2 && r.GetProperty("count").GetInt32() >= 30);
        }
        using (var document = JsonDocument.Parse(await RunAsync(clv)))
        {
            var fit = document.RootElement;
            fit.GetProperty("calibration_end").GetString().ShouldBe("2026-06-30");
            fit.GetProperty("bg_nbd").GetProperty("r").GetDouble().ShouldBeGreaterThan(0);
            double.IsFinite(fit.GetProperty("bg_nbd").GetProperty("log_likelihood").GetDouble()).ShouldBeTrue();
            fit.GetProperty("gamma_gamma").GetProperty("p").GetDouble().ShouldBeGreaterThan(0);
        }
    }

    /// <summary>The <c>dotnet run</c> lines of the README's command-line section that redirect their output to a file.</summary>
    private static List<string> ReadmeCommands()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var section = readme[readme.IndexOf("## Command line", StringComparison.Ordinal)..];
        return [.. section.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("dotnet run --project MerchDashboard ", StringComparison.Ordinal) && line.Contains(" > ", StringComparison.Ordinal))];
    }

    /// <summary>Runs the command as a shell would, in the repository root, then reads and deletes the file it redirected to.</summary>
    private static async Task<string> RunAsync(string command)
    {
        var target = command[(command.LastIndexOf(" > ", StringComparison.Ordinal) + 3)..].Trim();
        var output = Path.Combine(RepositoryPaths.Root, target);
        var start = new ProcessStartInfo("bash", ["-c", command])
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Limit);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        var stray = process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        try
        {
            process.ExitCode.ShouldBe(0, $"{command}\n{await error}");
            (await stray).ShouldBeEmpty("everything on standard output went to the redirect");
            return await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken);
        }
        finally
        {
            File.Delete(output);
        }
    }
}
