using MerchDashboard.Data.Import;
using MerchDashboard.Engine.Clv;

namespace MerchDashboard.Cli;

/// <summary>Transactions read from a <c>customer_id,date,amount</c> CSV, with customer ids mapped to dense keys.</summary>
public sealed record ClvTransactionsFile(IReadOnlyList<ClvTransaction> Transactions, IReadOnlyList<string> CustomerIds)
{
    private static readonly string[] Columns = ["customer_id", "date", "amount"];

    /// <summary>Reads the whole file; any bad row makes it a <see cref="CliUserException"/> listing file, line and field.</summary>
    public static ClvTransactionsFile Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliUserException($"file '{path}' does not exist");
        }
        var log = new ProblemLog(20);
        var transactions = new List<ClvTransaction>();
        var ids = new List<string>();
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var table = CsvTable.Open(ImportSource.FromFile(path), log, Columns))
        {
            while (table is not null && !log.Full && table.Read())
            {
                var id = table.Required("customer_id");
                var time = table.Time("date");
                var amount = table.Number("amount", min: 0);
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
}
