using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace MerchDashboard.Data.Import;

/// <summary>One prepared INSERT per table, re-bound for every row: SQLite's fastest path short of its C API.</summary>
public sealed class SqliteBulkWriter : IBulkWriter
{
    private const int ReportEvery = 5000;

    public async Task InsertAsync<T>(AppDbContext db, IEnumerable<T> rows, Action<long>? advanced, CancellationToken ct)
        where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var list = rows as IReadOnlyList<T> ?? rows.ToList();
        if (list.Count == 0)
        {
            return;
        }
        // Rows that come without keys (a default id) let the database number them; rows with keys keep theirs.
        var key = entity.FindPrimaryKey()!.Properties;
        var generated = key.Count == 1 && key[0].GetGetter().HasSentinelValueUsingContainingEntity(list[0]);
        var properties = entity.GetProperties().Where(p => !(generated && p.IsPrimaryKey())).ToList();
        var columns = properties.Select(p => p.GetColumnName(store)!).ToList();

        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) "
            + $"VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        var mappings = properties.Select(p => (RelationalTypeMapping)p.GetRelationalTypeMapping()).ToArray();
        var getters = properties.Select(p => p.GetGetter()).ToArray();

        var parameters = new DbParameter[mappings.Length];
        for (var i = 0; i < mappings.Length; i++)
        {
            parameters[i] = mappings[i].CreateParameter(command, $"@p{i}", null, nullable: true);
            command.Parameters.Add(parameters[i]);
        }
        await command.PrepareAsync(ct);

        long count = 0;
        foreach (var row in list)
        {
            for (var i = 0; i < mappings.Length; i++)
            {
                var value = getters[i].GetClrValueUsingContainingEntity(row);
                if (value is not null && mappings[i].Converter is { } converter)
                {
                    value = converter.ConvertToProvider(value);
                }
                parameters[i].Value = value ?? DBNull.Value;
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
