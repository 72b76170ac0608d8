using System.Globalization;

namespace MerchDashboard.Cli.Benchmarks;

/// <summary>
/// Writes a file in the UCI Online Retail layout shaped like the real one (541,909 lines): about 21 lines
/// per invoice, 4,000 stock codes, 4,400 customers, a quarter of the rows without a customer, 2% of the
/// rows cancellations and 0.5% with a zero price, dates written as 12/1/2010 8:26. Reproducible per seed.
/// </summary>
public static class OnlineRetailFileGenerator
{
    public const string Header = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country";
    private const int StockCodes = 4_000, Customers = 4_400, LinesPerInvoice = 21;
    private static readonly string[] Countries = ["United Kingdom", "France", "Germany", "EIRE", "Spain", "Netherlands"];
    private static readonly string[] Words = ["WHITE", "HANGING", "HEART", "T-LIGHT", "HOLDER", "LANTERN", "CREAM", "CUPID", "HEARTS", "COAT", "HANGER", "UNION", "JACK", "BAG", "RED", "SPOTTY", "MUG", "SET"];

    public static void Write(TextWriter writer, int lines, int seed = 11)
    {
        var random = new Random(seed);
        var descriptions = Enumerable.Range(0, StockCodes).Select(_ => Description(random)).ToArray();
        var prices = Enumerable.Range(0, StockCodes).Select(_ => Math.Round(0.29 + random.NextDouble() * 12, 2)).ToArray();
        var start = new DateTime(2010, 12, 1, 8, 26, 0);
        writer.WriteLine(Header);
        var invoice = 536365;
        for (var written = 0; written < lines; invoice++)
        {
            var size = 1 + random.Next(2 * LinesPerInvoice - 1);
            var cancelled = random.NextDouble() < 0.02;
            var at = start.AddMinutes(invoice - 536365 + random.Next(30)).ToString("M/d/yyyy H:mm", CultureInfo.InvariantCulture);
            var customer = random.NextDouble() < 0.25 ? "" : (12346 + random.Next(Customers)).ToString(CultureInfo.InvariantCulture);
            var country = Countries[random.Next(Countries.Length)];
            for (var i = 0; i < size && written < lines; i++, written++)
            {
                var item = (int)(StockCodes * Math.Pow(random.NextDouble(), 2));
                var quantity = (cancelled ? -1 : 1) * (1 + random.Next(12));
                var price = random.NextDouble() < 0.005 ? 0 : prices[item];
                writer.Write(cancelled ? "C" : "");
                writer.Write(invoice.ToString(CultureInfo.InvariantCulture));
                writer.Write(',');
                writer.Write((84000 + item).ToString(CultureInfo.InvariantCulture));
                writer.Write(",\"");
                writer.Write(descriptions[item]);
                writer.Write("\",");
                writer.Write(quantity.ToString(CultureInfo.InvariantCulture));
                writer.Write(',');
                writer.Write(at);
                writer.Write(',');
                writer.Write(price.ToString("0.00", CultureInfo.InvariantCulture));
                writer.Write(',');
                writer.Write(customer);
                writer.Write(',');
                writer.WriteLine(country);
            }
        }
    }

    private static string Description(Random random) =>
        string.Join(' ', Enumerable.Range(0, 2 + random.Next(4)).Select(_ => Words[random.Next(Words.Length)]))
        + (random.Next(5) == 0 ? ", SET OF 3" : "");
}
