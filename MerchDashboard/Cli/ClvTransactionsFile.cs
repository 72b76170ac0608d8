using MerchDashboard.Data.Import;
using MerchDashboard.Data.Import.Cleaning;
using MerchDashboard.Engine.Clv;

namespace MerchDashboard.Cli;

/// <summary>Transactions read from a <c>customer_id,date,amount</c> CSV, with customer ids mapped to dense keys.</summary>
public sealed record ClvTransactionsFile(IReadOnlyList<ClvTransaction> Transactions, IReadOnlyList<string> CustomerIds)
{
    private static readonly string[] Columns = ["customer_id", "date", "amount"];

    /// <summary>
    /// Reads the whole file with the import's number and date policy (<paramref name="options"/>); any bad row makes it
    /// a <see cref="CliUserException"/> listing file, line and field.
    /// </summary>
    public static ClvTransactionsFile Read(string path, ImportOptions? options = null)
    {
        if (!File.Exists(path))
        {
            throw new CliUserException($"file '{path}' does not exist");
        }
        var log = new ProblemLog(20);
        var transactions = new List<ClvTransaction>();
        var ids = new List<string>();
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var table = CsvTable.Open(ImportSource.FromFile(path), log, Columns, options))
        {
            while (table is not null && !log.Full && table.Read())
            {
                var id = table.Bounded("customer_id", table.Options.MaxIdLength, "Import:MaxIdLength", required: true);
                var time = table.Time("date");
                var amount = table.Number("amount", min: 0, max: table.Options.MaxUnitPrice * table.Options.MaxQuantity);
                if (id.Length == 0 || time is null || amount is null)
                {
                    continue;
                }
                if (!keys.TryGetValue(id, out var key))
                {
                    key = ids.Count;
                    keys[id] = key;
                    ids.Add(id);
                }
                transactions.Add(new ClvTransaction(key, DateOnly.FromDateTime(time.Value), (double)amount.Value));
            }
        }
        if (log.Any)
        {
            var more = log.Truncated ? Environment.NewLine + "(further problems not shown)" : "";
            throw new CliUserException(string.Join(Environment.NewLine, log.Problems) + more);
        }
        return new ClvTransactionsFile(transactions, ids);
    }

    /// <summary>One transaction per cleaned order with a customer and a positive net amount (cancellations already subtracted).</summary>
    public static ClvTransactionsFile FromOrders(CleanedOrders cleaned)
    {
        var transactions = new List<ClvTransaction>();
        var ids = new List<string>();
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var order in cleaned.Orders.Where(o => o.CustomerKey.Length > 0 && o.Revenue > 0))
        {
            if (!keys.TryGetValue(order.CustomerKey, out var key))
            {
                keys[order.CustomerKey] = key = ids.Count;
                ids.Add(order.CustomerKey);
            }
            transactions.Add(new ClvTransaction(key, DateOnly.FromDateTime(order.PlacedAt), (double)order.Revenue));
        }
        return new ClvTransactionsFile(transactions, ids);
    }
}
