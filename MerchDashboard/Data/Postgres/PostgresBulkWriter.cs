using MerchDashboard.Data.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace MerchDashboard.Data.Postgres;

/// <summary>
/// Binary COPY into each table on the context's connection, so it joins the current transaction.
/// Columns and their types come from the EF Core model. Rows with explicit ids advance the table's
/// identity sequence afterwards, so later inserts through EF Core do not collide.
/// </summary>
public sealed class PostgresBulkWriter : IBulkWriter
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
        var columns = properties.Select(p => Quote(p.GetColumnName(store)!)).ToList();
        var mappings = properties.Select(p => (RelationalTypeMapping)p.GetRelationalTypeMapping()).ToArray();
        var typeNames = mappings.Select(m => m.StoreTypeNameBase).ToArray();
        var getters = properties.Select(p => p.GetGetter()).ToArray();

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            long count = 0;
            await using (var importer = await connection.BeginBinaryImportAsync(
                $"COPY {Quote(table)} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)", ct))
            {
                foreach (var row in list)
                {
                    await importer.StartRowAsync(ct);
                    for (var i = 0; i < mappings.Length; i++)
                    {
                        var value = getters[i].GetClrValueUsingContainingEntity(row);
                        if (value is not null && mappings[i].Converter is { } converter)
                        {
                            value = converter.ConvertToProvider(value);
                        }
                        if (value is null)
                        {
                            await importer.WriteNullAsync(ct);
                        }
                        else
                        {
                            await importer.WriteAsync(value, typeNames[i], ct);
                        }
                    }
                    if (++count % ReportEvery == 0)
                    {
                        advanced?.Invoke(ReportEvery);
                    }
                }
                await importer.CompleteAsync(ct);
            }
            advanced?.Invoke(count % ReportEvery);
            if (!generated && key.Count == 1 && key[0].ValueGenerated == ValueGenerated.OnAdd && key[0].ClrType != typeof(string))
            {
                await ResetSequenceAsync(db, table, key[0].GetColumnName(store)!, ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task ResetSequenceAsync(AppDbContext db, string table, string column, CancellationToken ct)
    {
        var name = Quote(table);
        var id = Quote(column);
        // An empty table restarts at 1; otherwise the next id follows the largest one written.
#pragma warning disable EF1002 // Table and column names come from the EF model, not from input.
        await db.Database.ExecuteSqlRawAsync(
            $"SELECT setval(pg_get_serial_sequence('{name}', '{column}'), COALESCE(MAX({id}), 1), MAX({id}) IS NOT NULL) FROM {name}", ct);
#pragma warning restore EF1002
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
