using MerchDashboard.Cli;
using MerchDashboard.Data.Import;
using MerchDashboard.Tests.TestSupport;

namespace MerchDashboard.Tests.Cli;

public class GenerateSeedVerbTests
{
    [Fact]
    public async Task Run_SmallStore_WritesEveryFileAndSaysSo()
    {
        using var folder = new TempFolder();
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = await CommandLine.RunAsync(["generate-seed", "--out", folder.Path, "--seed", "3", "--customers", "40", "--orders", "120"], stdout, stderr);

        code.ShouldBe(CommandLine.Success, stderr.ToString());
        stdout.ToString().ShouldContain("40 customers, 120 orders");
        StoreFiles.FromFolder(folder.Path).All().Count().ShouldBe(7);
        File.ReadLines(folder.File(StoreFiles.CustomersFile)).Count().ShouldBe(41);
    }

    [Theory]
    [InlineData("--customers", "0", "--orders", "10")]
    [InlineData("--customers", "50", "--orders", "49")]
    [InlineData("--customers", "10", "--orders", "1000")]
    public async Task Run_ImpossibleSize_ExitsWithBadInput(string option1, string value1, string option2, string value2)
    {
        using var folder = new TempFolder();
        var stderr = new StringWriter();

        var code = await CommandLine.RunAsync(["generate-seed", "--out", folder.Path, option1, value1, option2, value2], new StringWriter(), stderr);

        code.ShouldBe(CommandLine.BadInput);
        stderr.ToString().ShouldStartWith("error: --");
        Directory.EnumerateFiles(folder.Path).ShouldBeEmpty();
    }

    [Fact]
    public async Task Run_WithoutOut_ExitsWithBadInput()
    {
        var code = await CommandLine.RunAsync(["generate-seed"], new StringWriter(), new StringWriter());

        code.ShouldBe(CommandLine.BadInput);
    }
}
