using System.Text.Json;
using MerchDashboard.Cli;
using MerchDashboard.Data.Import.Cleaning;

namespace MerchDashboard.Tests.Cli;

public sealed class RulesVerbTests : IDisposable
{
    private readonly MiningCli _cli = new();

    [Fact]
    public async Task Rules_PairsFromBasketFile_WritesTheContractCsv()
    {
        // N = 4; bread 3, milk 3, butter 2; {bread, butter} 2, {bread, milk} 2, {butter, milk} 1.
        var file = _cli.File("small.basket", MiningCli.Baskets);

        var (code, output, _) = await MiningCli.RunAsync("rules", "--baskets", file, "--min-count", "2");

        code.ShouldBe(CommandLine.Success);
        output.ShouldBe("""
            antecedent,consequent,count,support,confidence,lift,leverage,conviction
            bread,butter,2,0.5,0.6666666666666666,1.3333333333333333,0.125,1.4999999999999998
            bread,milk,2,0.5,0.6666666666666666,0.8888888888888888,-0.0625,0.7499999999999999
            butter,bread,2,0.5,1,1.3333333333333333,0.125,Infinity
            milk,bread,2,0.5,0.6666666666666666,0.8888888888888888,-0.0625,0.7499999999999999

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Rules_SupportThresholdAtTheBoundary_IncludesCountCeilSN()
    {
        var file = _cli.File("small.basket", MiningCli.Baskets);

        var atHalf = await MiningCli.RunAsync("rules", "--baskets", file, "--min-support", "0.5");
        var aboveHalf = await MiningCli.RunAsync("rules", "--baskets", file, "--min-support", "0.5000001");

        atHalf.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(5);
        aboveHalf.Out.ShouldBe("antecedent,consequent,count,support,confidence,lift,leverage,conviction\n");
    }

    [Fact]
    public async Task Rules_MaxLengthThree_AddsTwoItemAntecedents()
    {
        var file = _cli.File("small.basket", MiningCli.Baskets);

        var (code, output, _) = await MiningCli.RunAsync("rules", "--baskets", file, "--min-count", "1", "--max-length", "3", "--min-confidence", "1");

        code.ShouldBe(CommandLine.Success);
        output.ShouldBe("""
            antecedent,consequent,count,support,confidence,lift,leverage,conviction
            butter,bread,2,0.5,1,1.3333333333333333,0.125,Infinity
            butter|milk,bread,1,0.25,1,1.3333333333333333,0.0625,Infinity

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Rules_Json_ParsesWithTheSameFigures()
    {
        var file = _cli.File("small.basket", MiningCli.Baskets);
        var outFile = _cli.PathOf("rules.json");

        var (code, output, _) = await MiningCli.RunAsync("rules", "--baskets", file, "--min-count", "2", "--output", "json", "--out", outFile);

        code.ShouldBe(CommandLine.Success);
        output.ShouldBeEmpty();
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(outFile, TestContext.Current.CancellationToken));
        var root = json.RootElement;
        root.GetProperty("basketCount").GetInt32().ShouldBe(4);
        root.GetProperty("minCount").GetInt32().ShouldBe(2);
        var rules = root.GetProperty("rules").EnumerateArray().ToList();
        rules.Count.ShouldBe(4);
        rules[2].GetProperty("antecedent").EnumerateArray().Select(e => e.GetString()).ShouldBe(["butter"]);
        rules[2].GetProperty("consequent").GetString().ShouldBe("bread");
        rules[2].GetProperty("conviction").GetString().ShouldBe("Infinity");
        rules[0].GetProperty("conviction").GetDouble().ShouldBe(1.4999999999999998);
        rules[1].GetProperty("leverage").GetDouble().ShouldBe(-0.0625);
    }

    [Fact]
    public async Task Rules_OnlineRetailOrdersWithoutCleaning_SkipCancellationsAsArulesReadsTheRawFile()
    {
        var file = _cli.File("retail.csv", "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
            + "1,A,x,1,12/1/2010 8:26,1.5,17850,UK\n1,B,x,1,12/1/2010 8:26,1.5,17850,UK\nC2,A,x,-1,12/1/2010 8:26,1.5,17850,UK\n"
            + "3,A,x,1,12/1/2010 8:26,1.5,,UK\n3,B,x,1,12/1/2010 8:26,1.5,,UK\n");

        var (code, output, error) = await MiningCli.RunAsync("rules", "--orders", file, "--format", "online-retail", "--min-count", "2", "--no-cleaning");
        var cleaned = await MiningCli.RunAsync("rules", "--orders", file, "--format", "online-retail", "--min-count", "1");

        code.ShouldBe(CommandLine.Success);
        output.ShouldBe("antecedent,consequent,count,support,confidence,lift,leverage,conviction\nA,B,2,1,1,1,0,Infinity\nB,A,2,1,1,1,0,Infinity\n");
        error.ShouldContain("read 5 rows (online-retail layout) into 2 orders without cleaning");
        error.ShouldContain(RawOrders.SkippedReturn + ": 1");
        cleaned.Error.ShouldContain(CleaningKinds.CancellationNetted + ": 1");
        cleaned.Out.ShouldBe("antecedent,consequent,count,support,confidence,lift,leverage,conviction\nA,B,1,0.5,1,1,0,Infinity\nB,A,1,0.5,0.5,1,0,1\n",
            "order 1 keeps only B once its A is cancelled: baskets {B} and {A,B}");
    }

    [Fact]
    public async Task Rules_DecimalComma_IsRefusedUnlessNamedAndNeverReadAs1250()
    {
        var file = _cli.File("comma.csv", "order_id,customer_id,ordered_at,sku,quantity,unit_price\nO1,C1,2025-01-01,A,1,\"12,50\"\nO1,C1,2025-01-01,B,1,\"3,10\"\n");

        var refused = await MiningCli.RunAsync("rules", "--orders", file, "--min-count", "1");
        var named = await MiningCli.RunAsync("rules", "--orders", file, "--min-count", "1", "--decimal-separator", "comma");

        refused.Code.ShouldBe(CommandLine.BadInput);
        refused.Error.ShouldContain("comma.csv, line 2, field 'unit_price': '12,50' has a comma");
        named.Code.ShouldBe(CommandLine.Success, named.Error);
        named.Out.ShouldContain("A,B,1,1,1,1,0,Infinity");
    }

    [Theory]
    [InlineData("empty.basket", "", "--baskets", "empty.basket: the file is empty")]
    [InlineData("orders.csv", "id,sku\n1,A\n", "--orders", "orders.csv, line 1: the header matches none of")]
    [InlineData("orders.csv", "order_id,customer_id,ordered_at,sku,quantity,unit_price\nO1,C1,2025-01-01,A,one,2.5\n", "--orders", "orders.csv, line 2, field 'quantity': 'one' is not a whole number")]
    public async Task Rules_BadFile_ExitsTwoNamingFileLineAndField(string name, string content, string option, string message)
    {
        var file = _cli.File(name, content);

        var (code, output, error) = await MiningCli.RunAsync("rules", option, file, "--min-count", "1");

        code.ShouldBe(CommandLine.BadInput);
        output.ShouldBeEmpty();
        error.ShouldContain(message);
        error.ShouldNotContain("   at ");
    }

    [Theory]
    [InlineData("--min-support", "1.5", "minimum support must be in (0, 1]")]
    [InlineData("--format", "xml", "--format 'xml' is not generic, online-retail, shopify or auto")]
    [InlineData("--output", "xml", "--output 'xml' is not csv or json")]
    [InlineData("--max-length", "11", "maximum length must be between 2 and 10, or 0 for no limit")]
    [InlineData("--memory-budget-mb", "8", "--memory-budget-mb must be between 16 and")]
    [InlineData("--min-confidence", "2", "minimum confidence must be in [0, 1]")]
    [InlineData("--min-support", "abc", "abc")]
    public async Task Rules_BadOption_ExitsTwoWithTheReason(string option, string value, string message)
    {
        var file = _cli.File("orders.csv", "order_id,customer_id,ordered_at,sku,quantity,unit_price\nO1,C1,2025-01-01,A,1,2.5\n");

        var (code, _, error) = await MiningCli.RunAsync("rules", "--orders", file, option, value);

        code.ShouldBe(CommandLine.BadInput);
        error.ShouldContain(message);
    }

    [Fact]
    public async Task Rules_MissingFileOrNoInput_ExitsTwo()
    {
        (await MiningCli.RunAsync("rules", "--baskets", _cli.PathOf("missing.basket"))).Error.ShouldContain("missing.basket: the file does not exist");
        (await MiningCli.RunAsync("rules")).Error.ShouldContain("give exactly one of --baskets FILE or --orders FILE");
    }

    public void Dispose() => _cli.Dispose();
}
