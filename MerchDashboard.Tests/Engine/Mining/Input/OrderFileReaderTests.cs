using System.Text;
using MerchDashboard.Engine.Mining;
using MerchDashboard.Engine.Mining.Input;

namespace MerchDashboard.Tests.Engine.Mining.Input;

public class OrderFileReaderTests
{
    private const string RetailHeader = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n";

    [Fact]
    public void Read_Generic_GroupsLinesByOrder()
    {
        var text = "order_id,customer_id,ordered_at,sku,quantity,unit_price,source\n"
            + "O1,C1,2025-01-01T10:00:00Z,CAM,1,500,organic\n"
            + "O2,,2025-01-02T10:00:00Z,BAG,2,30,organic\n"
            + "O1,C1,2025-01-01T10:00:00Z,BAG,1,30,organic\n"
            + "O1,C1,2025-01-01T10:00:00Z,CAM,1,500,organic\n";

        var result = Read(text, OrderFileFormat.Generic);

        var baskets = result.Baskets.ShouldNotBeNull();
        baskets.BasketCount.ShouldBe(2);
        Labels(baskets, 0).ShouldBe(["BAG", "CAM"]);
        Labels(baskets, 1).ShouldBe(["BAG"]);
        result.Report.ShouldBe(new ReadReport(4, 0, 0, 0, 1));
    }

    [Fact]
    public void Read_OnlineRetail_SkipsCancellationsAndNonPositiveRows()
    {
        var text = RetailHeader
            + "536365,85123A,WHITE HANGING HEART,6,12/1/2010 8:26,2.55,17850,United Kingdom\n"
            + "536365,71053,WHITE METAL LANTERN,6,12/1/2010 8:26,3.39,17850,United Kingdom\n"
            + "C536379,D,Discount,-1,12/1/2010 9:41,27.5,14527,United Kingdom\n"
            + "536380,22961,JAM MAKING SET,-2,12/1/2010 9:41,1.45,,United Kingdom\n"
            + "536381,22139,\"RETROSPOT, TEA SET\",1,12/1/2010 9:41,0,,United Kingdom\n"
            + "536382,22139,\"RETROSPOT, TEA SET\",1,12/1/2010 9:41,4.25,,United Kingdom\n";

        var result = Read(text, OrderFileFormat.OnlineRetail);

        var baskets = result.Baskets.ShouldNotBeNull();
        baskets.BasketCount.ShouldBe(2);
        Labels(baskets, 0).ShouldBe(["71053", "85123A"]);
        Labels(baskets, 1).ShouldBe(["22139"]);
        result.Report.ShouldBe(new ReadReport(6, 1, 1, 1, 1));
        result.Report.Summary(2).ShouldBe("read 6 rows into 2 baskets; skipped 1 cancellation rows, 1 with a non-positive quantity, 1 with a non-positive price; 1 rows without a customer kept");
    }

    [Fact]
    public void Read_WrongHeader_NamesTheMissingColumn()
    {
        var result = Read("order,sku,qty\nO1,A,1\n", OrderFileFormat.Generic);

        var problem = result.Problems.ShouldHaveSingleItem();
        (problem.File, problem.Line, problem.Field).ShouldBe(("orders.csv", 1L, "order_id"));
        problem.ToString().ShouldStartWith("orders.csv, line 1, field 'order_id': required column 'order_id', 'customer_id', 'ordered_at', 'quantity', 'unit_price' is missing");
    }

    [Fact]
    public void Read_UnreadableNumber_NamesLineAndField()
    {
        var result = Read(RetailHeader + "536365,85123A,X,6,12/1/2010 8:26,2.55,17850,UK\n536366,85123A,X,six,12/1/2010 8:26,2.55,17850,UK\n",
            OrderFileFormat.OnlineRetail);

        result.Problems.ShouldHaveSingleItem().ToString()
            .ShouldBe("orders.csv, line 3, field 'Quantity': 'six' is not a number (use a dot for decimals, no currency sign)");
    }

    [Fact]
    public void Read_EmptyFile_IsAProblem()
    {
        Read("", OrderFileFormat.Generic).Problems.ShouldHaveSingleItem().Message.ShouldStartWith("the file is empty");
    }

    private static BasketReadResult Read(string text, OrderFileFormat format) =>
        OrderFileReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "orders.csv", format, null, TestContext.Current.CancellationToken);

    private static string[] Labels(TransactionSet baskets, int basket) =>
        [.. baskets.Basket(basket).ToArray().Select(baskets.Label)];
}
