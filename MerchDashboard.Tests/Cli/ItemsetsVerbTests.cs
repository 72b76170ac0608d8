using System.Text.Json;
using MerchDashboard.Cli;

namespace MerchDashboard.Tests.Cli;

public sealed class ItemsetsVerbTests : IDisposable
{
    private readonly MiningCli _cli = new();

    [Fact]
    public async Task Itemsets_BasketFile_WritesTheContractCsv()
    {
        var file = _cli.File("small.basket", MiningCli.Baskets);

        var (code, output, _) = await MiningCli.RunAsync("itemsets", "--baskets", file, "--min-count", "2", "--max-length", "3");

        code.ShouldBe(CommandLine.Success);
        output.ShouldBe("""
            items,size,count,support
            bread,1,3,0.75
            bread|butter,2,2,0.5
            bread|milk,2,2,0.5
            butter,1,2,0.5
            milk,1,3,0.75

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Itemsets_Json_ParsesWithTheSameFigures()
    {
        var file = _cli.File("small.basket", MiningCli.Baskets);

        var (code, output, _) = await MiningCli.RunAsync("itemsets", "--baskets", file, "--min-support", "0.25", "--max-length", "3", "--output", "json");

        code.ShouldBe(CommandLine.Success);
        using var json = JsonDocument.Parse(output);
        var itemsets = json.RootElement.GetProperty("itemsets").EnumerateArray().ToList();
        itemsets.Count.ShouldBe(7);
        var triple = itemsets.Single(i => i.GetProperty("size").GetInt32() == 3);
        triple.GetProperty("items").EnumerateArray().Select(e => e.GetString()).ShouldBe(["bread", "butter", "milk"]);
        triple.GetProperty("count").GetInt32().ShouldBe(1);
        triple.GetProperty("support").GetDouble().ShouldBe(0.25);
    }

    [Fact]
    public async Task Itemsets_BadSupport_ExitsTwo()
    {
        var file = _cli.File("small.basket", MiningCli.Baskets);

        var (code, _, error) = await MiningCli.RunAsync("itemsets", "--baskets", file, "--min-support", "0");

        code.ShouldBe(CommandLine.BadInput);
        error.ShouldContain("minimum support must be in (0, 1], not 0");
    }

    public void Dispose() => _cli.Dispose();
}
