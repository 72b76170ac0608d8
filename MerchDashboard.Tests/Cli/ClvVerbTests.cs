using System.Globalization;
using System.Text.Json;
using MerchDashboard.Cli;
using MerchDashboard.Engine.Clv;

namespace MerchDashboard.Tests.Cli;

public sealed class ClvVerbTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("clv-verb-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Run_GeneratedTransactions_PrintsParametersAndWritesPredictions()
    {
        var customers = ClvSimulator.Simulate(new BgNbdParameters(0.5, 5, 0.7, 2.5), new GammaGammaParameters(6, 4, 15), 400, 4, 52, 8);
        var end = new DateOnly(2025, 6, 30);
        var lines = customers.SelectMany(c => ClvSimulator.ToTransactions(c, end, new ClvPeriod(PeriodUnit.Week)))
            .Select(t => string.Create(CultureInfo.InvariantCulture, $"C{t.CustomerKey},{t.Date:yyyy-MM-dd},{t.Amount}"));
        var input = Write("tx.csv", ["customer_id,date,amount", .. lines]);
        var output = Path.Combine(_folder, "predictions.csv");

        var (code, stdout, stderr) = await Run("clv", "--transactions", input, "--calibration-end", "2025-06-30", "--period", "week", "--horizon", "6", "--out", output);

        code.ShouldBe(0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        foreach (var key in new[] { "r", "alpha", "a", "b", "log_likelihood" })
        {
            root.GetProperty("bg_nbd").GetProperty(key).GetDouble().ShouldNotBe(0);
        }
        root.GetProperty("gamma_gamma").GetProperty("p").GetDouble().ShouldBeGreaterThan(0);
        var summary = root.GetProperty("summary");
        summary.GetProperty("customers").GetInt32().ShouldBe(400);
        summary.GetProperty("repeaters").GetInt32().ShouldBe(customers.Count(c => c.Times.Select(t => Math.Floor(t * 7)).Distinct().Count() > 1));
        summary.GetProperty("mean_probability_alive").GetDouble().ShouldBeInRange(0, 1);
        summary.GetProperty("total_predicted_value").GetDouble().ShouldBeGreaterThan(0);
        var written = File.ReadAllLines(output);
        written[0].ShouldBe("customer_id,frequency,recency,T,monetary_value,expected_purchases,p_alive,expected_avg_value,clv");
        written.Length.ShouldBe(401);
        written.Skip(1).Select(l => l.Split(',')[0]).ShouldBeUnique();
    }

    [Fact]
    public async Task Run_OrdersFile_FitsTheSameAsItsNetTransactionsAfterCleaning()
    {
        var customers = ClvSimulator.Simulate(new BgNbdParameters(0.5, 5, 0.7, 2.5), new GammaGammaParameters(6, 4, 15), 300, 4, 52, 9);
        var end = new DateOnly(2025, 6, 30);
        var transactions = customers.SelectMany(c => ClvSimulator.ToTransactions(c, end, new ClvPeriod(PeriodUnit.Week)))
            .Select(t => (Customer: $"C{t.CustomerKey}", t.Date, Amount: Math.Max(0.02m, Math.Round((decimal)t.Amount, 2)))).ToList();
        var orders = new List<string> { "order_id,customer_id,ordered_at,sku,quantity,unit_price,product_name,original_order_id" };
        for (var i = 0; i < transactions.Count; i++)
        {
            var (customer, date, amount) = transactions[i];
            var at = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            orders.Add(string.Create(CultureInfo.InvariantCulture, $"O{i},{customer},{at}T10:00:00Z,P1,1,{amount},Mug,"));
            if (i % 5 == 0)
            {
                // A fee line and a returned item: neither may change the customer's spend.
                orders.Add($"O{i},{customer},{at}T10:00:00Z,POST,1,4.95,Postage,");
                orders.Add($"O{i},{customer},{at}T10:00:00Z,P2,2,7.50,Bag,");
                orders.Add($"R{i},{customer},{at}T18:00:00Z,P2,-2,7.50,Bag,O{i}");
            }
        }
        var txFile = Write("net.csv", ["customer_id,date,amount", .. transactions.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Customer},{t.Date:yyyy-MM-dd},{t.Amount}"))]);
        var ordersFile = Write("orders.csv", [.. orders]);

        var fromTransactions = await Run("clv", "--transactions", txFile, "--calibration-end", "2025-06-30");
        var fromOrders = await Run("clv", "--orders", ordersFile, "--calibration-end", "2025-06-30");

        fromOrders.Code.ShouldBe(0, fromOrders.Error);
        fromOrders.Out.ShouldBe(fromTransactions.Out);
        fromOrders.Error.ShouldContain(MerchDashboard.Data.Import.Cleaning.CleaningKinds.CancellationLinked);
    }

    [Theory]
    [InlineData("C1,2025-01-05,12.5\nC2,not-a-date,3", "line 3", "date")]
    [InlineData("C1,2025-01-05,12.5\nC2,2025-02-01,-4", "line 3", "amount")]
    [InlineData("C1,2025-01-05,12.5\n,2025-02-01,4", "line 3", "customer_id")]
    public async Task Run_BadRow_ExitsWithCodeTwoNamingFileLineAndField(string rows, string line, string field)
    {
        var input = Write("bad.csv", ["customer_id,date,amount", .. rows.Split('\n')]);

        var (code, _, stderr) = await Run("clv", "--transactions", input, "--calibration-end", "2025-06-30");

        code.ShouldBe(2);
        stderr.ShouldContain("bad.csv");
        stderr.ShouldContain(line);
        stderr.ShouldContain($"'{field}'");
        stderr.ShouldNotContain("   at ");
    }

    [Theory]
    [InlineData("--period", "fortnight")]
    [InlineData("--calibration-end", "30/06/2025")]
    [InlineData("--horizon", "0")]
    public async Task Run_BadOption_ExitsWithCodeTwo(string option, string value)
    {
        var input = Write("ok.csv", ["customer_id,date,amount", "C1,2025-01-05,10", "C1,2025-02-05,20"]);
        string[] args = ["clv", "--transactions", input, "--calibration-end", "2025-06-30", option, value];

        var (code, _, stderr) = await Run([.. args]);

        code.ShouldBe(2);
        stderr.ShouldContain(option);
    }

    [Fact]
    public async Task Run_MissingColumn_ExitsWithCodeTwo()
    {
        var input = Write("cols.csv", ["customer,date,amount", "C1,2025-01-05,10"]);

        var (code, _, stderr) = await Run("clv", "--transactions", input, "--calibration-end", "2025-06-30");

        code.ShouldBe(2);
        stderr.ShouldContain("customer_id");
    }

    [Theory]
    [InlineData("C1,2025-01-05,10|C2,2025-02-05,20", "no customer has a repeat purchase")]
    [InlineData("A,2025-01-01,10|A,2025-02-01,20|B,2025-03-01,5", "too few for a stable fit")]
    public async Task Run_TooLittleData_ExitsWithCodeTwo(string rows, string message)
    {
        var input = Write("few.csv", ["customer_id,date,amount", .. rows.Split('|')]);

        var (code, _, stderr) = await Run("clv", "--transactions", input, "--calibration-end", "2025-06-30", "--period", "day");

        code.ShouldBe(2);
        stderr.ShouldContain(message);
    }

    private string Write(string name, string[] lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private static async Task<(int Code, string Out, string Error)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CommandLine.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
