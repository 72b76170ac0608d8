using System.CommandLine;

namespace MerchDashboard.Cli;

/// <summary>
/// The executable serves the web app (no verb, or <c>serve</c>) or runs one verb. Exit codes: 0 success,
/// 2 bad input (message on stderr, no stack trace), 130 cancelled.
/// </summary>
public static class CommandLine
{
    public const int Success = 0;
    public const int BadInput = 2;
    public const int Cancelled = 130;

    private static readonly Func<Command>[] Verbs =
    [
        ImportVerb.Create,
        CreateAdminVerb.Create,
        ApiKeyVerb.Create,
        MineVerb.Create,
        GenerateSeedVerb.Create,
        RulesVerb.Create,
        ItemsetsVerb.Create,
        BenchVerb.Create,
        ClvVerb.Create,
        ExperimentVerb.Create,
        SimulateTrafficVerb.Create,
    ];

    /// <summary>
    /// <c>dotnet run --project MerchDashboard</c> starts the program in the project folder; file paths
    /// given to a verb are meant relative to the shell's folder (PWD), so they resolve against that,
    /// while configuration and the data folder stay with the app's folder, as for the web app.
    /// </summary>
    private static void UseCallersDirectoryForPaths()
    {
        CliHost.ContentRoot ??= Directory.GetCurrentDirectory();
        var callers = Environment.GetEnvironmentVariable("PWD");
        if (!string.IsNullOrEmpty(callers) && Directory.Exists(callers))
        {
            Directory.SetCurrentDirectory(callers);
        }
    }

    public static bool IsVerb(string[] args) =>
        args.Length > 0 && args[0] != "serve" && !args[0].StartsWith("--", StringComparison.Ordinal);

    /// <summary>The arguments for the web host: <c>serve</c> is dropped.</summary>
    public static string[] WebArgs(string[] args) => args.Length > 0 && args[0] == "serve" ? args[1..] : args;

    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        UseCallersDirectoryForPaths();
        var root = new RootCommand("MerchDashboard: frequently-bought-with lists, curation and strategy dashboards. Run without a verb to serve the web app.");
        foreach (var create in Verbs)
        {
            root.Subcommands.Add(create());
        }
        var config = new InvocationConfiguration
        {
            Output = stdout ?? Console.Out,
            Error = stderr ?? Console.Error,
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                config.Error.WriteLine(error.Message);
            }
            config.Error.WriteLine();
            config.Error.WriteLine("Usage: MerchDashboard [serve] | <verb> [options]; 'MerchDashboard <verb> --help' describes a verb. Verbs: "
                + string.Join(", ", root.Subcommands.Select(c => c.Name)));
            return BadInput;
        }
        return await parsed.InvokeAsync(config);
    }
}
