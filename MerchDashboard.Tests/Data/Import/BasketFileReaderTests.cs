using System.Text;
using MerchDashboard.Engine.Mining;
using MerchDashboard.Data.Import;

namespace MerchDashboard.Tests.Data.Import;

public class BasketFileReaderTests
{
    [Fact]
    public void Read_CrlfBomBlankLinesAndRepeats_FollowsArules()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(" milk , bread,milk\r\n\r\nbread,,\r\nä,milk")).ToArray();

        var result = Read(bytes);

        var labelled = result.Baskets.ShouldNotBeNull();
        var baskets = labelled.Baskets;
        baskets.BasketCount.ShouldBe(4);
        labelled.Labels.ShouldBe(["bread", "milk", "ä"]);
        Labels(labelled, 0).ShouldBe(["bread", "milk"]);
        Labels(labelled, 1).ShouldBeEmpty();
        Labels(labelled, 2).ShouldBe(["bread"]);
        Labels(labelled, 3).ShouldBe(["milk", "ä"]);
        baskets.ItemSupportCount(labelled.ItemOf("milk")).ShouldBe(2);
    }

    [Fact]
    public void Read_FinalNewline_StartsNoBasket()
    {
        Read(Encoding.UTF8.GetBytes("a\nb\n")).Baskets!.Baskets.BasketCount.ShouldBe(2);
        Read(Encoding.UTF8.GetBytes("a\nb\n\n")).Baskets!.Baskets.BasketCount.ShouldBe(3);
    }

    [Fact]
    public void Read_LinesLongerThanTheReadBuffer_AreKeptWhole()
    {
        var items = Enumerable.Range(0, 20_000).Select(i => $"item{i}").ToArray();
        var text = string.Join(",", items) + "\nx,item7\n";

        var labelled = Read(Encoding.UTF8.GetBytes(text)).Baskets!;

        labelled.Baskets.BasketCount.ShouldBe(2);
        labelled.Baskets.Basket(0).Length.ShouldBe(20_000);
        Labels(labelled, 1).ShouldBe(["item7", "x"]);
    }

    [Fact]
    public void Read_FileLargerThanOnePart_MatchesLineByLineEncoding()
    {
        var writer = new StringWriter();
        new SyntheticBasketGenerator(3000, 11).WriteBasketFile(writer, 150_000, null, TestContext.Current.CancellationToken);
        var text = writer.ToString().Replace("\n", "\r\n\n", StringComparison.Ordinal);
        text.Length.ShouldBeGreaterThan(2 << 20, "large enough to be cut into parts on two cores");

        var labelled = Read(Encoding.UTF8.GetBytes(text)).Baskets!;
        var baskets = labelled.Baskets;

        var expectedLabelled = LabelledBaskets.FromBaskets(text[..^1].Split('\n').Select(line => line.TrimEnd('\r').Split(',')));
        var expected = expectedLabelled.Baskets;
        baskets.BasketCount.ShouldBe(expected.BasketCount);
        labelled.Labels.ShouldBe(expectedLabelled.Labels);
        for (var b = 0; b < baskets.BasketCount; b++)
        {
            baskets.Basket(b).SequenceEqual(expected.Basket(b)).ShouldBeTrue($"basket {b}");
        }
    }

    [Fact]
    public void Read_EmptyFile_IsAProblem()
    {
        var result = Read(Encoding.UTF8.GetPreamble());

        result.Succeeded.ShouldBeFalse();
        result.Problems.ShouldHaveSingleItem().ToString().ShouldBe("in.basket: the file is empty; expected one basket per line, items separated by commas");
    }

    [Fact]
    public void Read_InvalidUtf8_NamesTheFile()
    {
        var result = Read([.. Encoding.UTF8.GetBytes("a,b\n"), 0xFF, 0xFE, (byte)'\n']);

        result.Problems.ShouldHaveSingleItem().ToString().ShouldContain("in.basket, line");
        result.Problems[0].Message.ShouldContain("UTF-8");
    }

    [Fact]
    public void Read_MissingFile_IsAProblem()
    {
        BasketFileReader.Read("/nonexistent/x.basket", null, TestContext.Current.CancellationToken)
            .Problems.ShouldHaveSingleItem().Message.ShouldBe("the file does not exist");
    }

    private static BasketReadResult Read(byte[] bytes) =>
        BasketFileReader.Read(new MemoryStream(bytes), "in.basket", null, TestContext.Current.CancellationToken);

    private static string[] Labels(LabelledBaskets baskets, int basket) =>
        [.. baskets.Baskets.Basket(basket).ToArray().Select(baskets.Label)];
}
