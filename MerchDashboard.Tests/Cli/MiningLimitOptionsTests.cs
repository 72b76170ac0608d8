using MerchDashboard.Cli;

namespace MerchDashboard.Tests.Cli;

public sealed class MiningLimitOptionsTests : IDisposable
{
    private readonly MiningCli _cli = new();

    [Fact]
    public async Task Itemsets_MaxLengthZero_MinesUpToTheLongestBasket()
    {
        var file = _cli.File("b.basket", "a,b,c,d\na,b,c,d\na\n");

        var (code, output, _) = await MiningCli.RunAsync("itemsets", "--baskets", file, "--min-count", "2", "--max-length", "0");

        code.ShouldBe(CommandLine.Success);
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        rows.Length.ShouldBe(1 + 15, "the header and every non-empty subset of a, b, c, d");
        rows.ShouldContain("a|b|c|d,4,2,0.6666666666666666");
        rows.ShouldContain("a,1,3,1");
    }

    [Fact]
    public async Task Rules_MaxLengthTen_GivesRulesOfTenItems()
    {
        var items = string.Join(',', Enumerable.Range(0, 10).Select(i => $"i{i}"));
        var file = _cli.File("b.basket", $"{items}\n{items}\nother\n");

        var (code, output, _) = await MiningCli.RunAsync("rules", "--baskets", file, "--min-count", "2", "--max-length", "10");

        code.ShouldBe(CommandLine.Success);
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        // Every itemset S of 2 to 10 of the ten items gives |S| rules: sum over k of C(10, k) x k = 10 x 2^9 - 10.
        rows.Count.ShouldBe((10 * 512) - 10);
        rows.ShouldContain(r => r.StartsWith("i0|i1|i2|i3|i4|i5|i6|i7|i8,i9,2,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rules_OverTheMemoryBudget_ExitsTwoWithWhatToChange()
    {
        var items = string.Join(',', Enumerable.Range(0, 26).Select(i => $"i{i:D2}"));
        var file = _cli.File("dense.basket", string.Concat(Enumerable.Repeat(items + "\n", 50)));

        var (code, output, error) = await MiningCli.RunAsync("rules", "--baskets", file, "--min-count", "2", "--max-length", "0", "--memory-budget-mb", "16");

        code.ShouldBe(CommandLine.BadInput);
        output.ShouldBeEmpty();
        error.ShouldContain("need more than the memory budget of 16 MB: raise --memory-budget-mb, raise --min-count or --min-support, or lower --max-length");
        error.ShouldNotContain("   at ");
    }

    public void Dispose() => _cli.Dispose();
}
