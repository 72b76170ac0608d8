using System.Text.Json;

namespace MerchDashboard.Tests.Cli;

/// <summary>The <c>experiment</c> verb end to end against an empty SQLite database in a temporary data folder.</summary>
public sealed class ExperimentVerbTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("experiment-verb-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Task<(int Code, string Out, string Error)> Run(params string[] args) =>
        MiningCli.RunAsync([.. args, "--data-folder", _folder]);

    [Fact]
    public async Task Lifecycle_CreateStartListReportStop_ResultsOnStdoutAndOneRunningAtATime()
    {
        var (code, stdout, stderr) = await Run("experiment", "create", "--name", "spring", "--arms", "control=50,both=50", "--primary-kpi", "repeat-rate");
        code.ShouldBe(0, stderr);
        using (var created = JsonDocument.Parse(stdout))
        {
            created.RootElement.GetProperty("name").GetString().ShouldBe("spring");
            created.RootElement.GetProperty("arms").GetString().ShouldBe("control=50,both=50");
            created.RootElement.GetProperty("status").GetString().ShouldBe("draft");
        }
        stderr.ShouldContain("cannot size");
        (await Run("experiment", "create", "--name", "summer", "--arms", "control=25,cross-sell=25,personalization=25,both=25")).Code.ShouldBe(0);

        (await Run("experiment", "start", "--name", "spring")).Out.Trim().ShouldBe("Experiment 'spring' started.");
        var refused = await Run("experiment", "start", "--name", "summer");
        refused.Code.ShouldBe(2);
        refused.Error.ShouldContain("'spring' is running");
        refused.Out.ShouldBeEmpty();
        refused.Error.ShouldNotContain("   at ");

        var list = (await Run("experiment", "list")).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        list.Select(l => l.Split('\t')[..3]).ShouldBe([["summer", "draft", "control=25,cross-sell=25,personalization=25,both=25"], ["spring", "running", "control=50,both=50"]]);

        var (reportCode, reportOut, reportError) = await Run("experiment", "report", "--name", "spring");
        reportCode.ShouldBe(0, reportError);
        using (var report = JsonDocument.Parse(reportOut))
        {
            var root = report.RootElement;
            root.GetProperty("experiment").GetProperty("status").GetString().ShouldBe("running");
            root.GetProperty("arms").EnumerateArray().Select(a => (a.GetProperty("arm").GetString(), a.GetProperty("shoppersExposed").GetInt64()))
                .ShouldBe([("control", 0L), ("both", 0L)]);
            root.GetProperty("kpis").EnumerateArray().Select(k => k.GetProperty("kpi").GetString())
                .ShouldBe(["aov", "units-per-order", "attach-rate", "ctr", "add-to-cart-rate", "attributed-revenue-per-shopper", "repeat-rate", "predicted-clv-12-months"]);
            root.GetProperty("attributionWindowHours").GetInt32().ShouldBe(24);
        }

        (await Run("experiment", "stop", "--name", "spring")).Code.ShouldBe(0);
        (await Run("experiment", "start", "--name", "summer")).Code.ShouldBe(0);
    }

    [Theory]
    [InlineData("create", "--name", "x", "--arms", "control=60,both=60", "add up to 120%")]
    [InlineData("create", "--name", "x", "--arms", "control=50,both=50", "--primary-kpi", "ctr", "'ctr' is not one of")]
    [InlineData("start", "--name", "missing", "There is no experiment named 'missing'")]
    [InlineData("report", "--name", "missing", "There is no experiment named 'missing'")]
    public async Task BadInput_Exit2WithMessageOnStderr(params string[] argsAndMessage)
    {
        var (code, stdout, stderr) = await Run(["experiment", .. argsAndMessage[..^1]]);

        code.ShouldBe(2);
        stdout.ShouldBeEmpty();
        stderr.ShouldContain(argsAndMessage[^1]);
        stderr.ShouldNotContain("   at ");
    }
}
