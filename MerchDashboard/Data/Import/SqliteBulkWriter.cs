using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace MerchDashboard.Data.Import;

/// <summary>One prepared INSERT per table, re-bound for every row: SQLite's fastest path short of its C API.</summary>
public sealed class SqliteBulkWriter : IBulkWriter
{
    private const int ReportEvery = 5000;

    public async Task InsertAsync<T>(AppDbContext db, IEnumerable<T> rows, Action<long>? advanced, CancellationToken ct)
        where T : class
    {
        // A counted collection is enumerated as it is (the import's order lines are made while written); anything else is listed first.
        var list = rows as IReadOnlyCollection<T> ?? rows.ToList();
        if (list.Count == 0)
        {
            return;
        }
        var table = BulkTable.For(db, list.First());
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c}\""))}) "
            + $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"@p{i}"))})";
        var parameters = new DbParameter[table.Columns.Count];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = table.Mappings[i].CreateParameter(command, $"@p{i}", null, nullable: true);
            command.Parameters.Add(parameters[i]);
        }
        await command.PrepareAsync(ct);

        long count = 0;
        foreach (var row in list)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = table.ValueOf(row, i) ?? DBNull.Value;
            }
            await command.ExecuteNonQueryAsync(ct);
            if (++count % ReportEvery == 0)
            {
                advanced?.Invoke(ReportEvery);
            }
        }
        advanced?.Invoke(count % ReportEvery);
    }
}
