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

    /// <summary>From this many rows the table's foreign keys are dropped and re-added around the COPY: one join validates them, where per-row checks cost more than the COPY.</summary>
    private const int RecheckKeysFrom = 20_000;

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
        var writers = mappings.Select(ColumnWriter.For).ToArray();
        var getters = properties.Select(p => p.GetGetter()).ToArray();

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            var foreignKeys = list.Count >= RecheckKeysFrom && db.Database.CurrentTransaction is not null
                ? await DropForeignKeysAsync(db, table, ct)
                : [];
            long count = 0;
            await using (var importer = await connection.BeginBinaryImportAsync(
                $"COPY {Quote(table)} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)", ct))
            {
                foreach (var row in list)
                {
                    // Synchronous writes fill Npgsql's buffer and flush when it is full: per-value awaits cost more than the I/O.
                    importer.StartRow();
                    for (var i = 0; i < mappings.Length; i++)
                    {
                        var value = getters[i].GetClrValueUsingContainingEntity(row);
                        if (value is not null && mappings[i].Converter is { } converter)
                        {
                            value = converter.ConvertToProvider(value);
                        }
                        writers[i].Write(importer, value);
                    }
                    if (++count % ReportEvery == 0)
                    {
                        ct.ThrowIfCancellationRequested();
                        advanced?.Invoke(ReportEvery);
                    }
                }
                await importer.CompleteAsync(ct);
            }
            advanced?.Invoke(count % ReportEvery);
            foreach (var (name, definition) in foreignKeys)
            {
#pragma warning disable EF1002 // The definition is PostgreSQL's own, read back from pg_constraint.
                await db.Database.ExecuteSqlRawAsync($"ALTER TABLE {Quote(table)} ADD CONSTRAINT {Quote(name)} {definition}", ct);
#pragma warning restore EF1002
            }
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

    /// <summary>Drops the table's foreign keys inside the current transaction (a failed import restores them by rolling back) and returns their definitions.</summary>
    private static async Task<List<(string Name, string Definition)>> DropForeignKeysAsync(AppDbContext db, string table, CancellationToken ct)
    {
        var keys = await db.Database.SqlQueryRaw<ForeignKeyRow>(
            "SELECT conname AS \"Name\", pg_get_constraintdef(oid) AS \"Definition\" FROM pg_constraint WHERE conrelid = {0}::regclass AND contype = 'f'",
            Quote(table)).ToListAsync(ct);
        foreach (var key in keys)
        {
#pragma warning disable EF1002 // The name is PostgreSQL's own, read back from pg_constraint.
            await db.Database.ExecuteSqlRawAsync($"ALTER TABLE {Quote(table)} DROP CONSTRAINT {Quote(key.Name)}", ct);
#pragma warning restore EF1002
        }
        return keys.Select(k => (k.Name, k.Definition)).ToList();
    }

    private sealed record ForeignKeyRow(string Name, string Definition);

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

    /// <summary>Writes one column's values with their provider type known, so Npgsql resolves the type once per column rather than per value.</summary>
    private abstract class ColumnWriter
    {
        public abstract void Write(NpgsqlBinaryImporter importer, object? value);

        public static ColumnWriter For(RelationalTypeMapping mapping)
        {
            var type = mapping.Converter?.ProviderClrType ?? mapping.ClrType;
            return (ColumnWriter)Activator.CreateInstance(typeof(Typed<>).MakeGenericType(type), mapping.StoreTypeNameBase)!;
        }

        private sealed class Typed<TValue>(string dataTypeName) : ColumnWriter
        {
            public override void Write(NpgsqlBinaryImporter importer, object? value)
            {
                if (value is null)
                {
                    importer.WriteNull();
                }
                else
                {
                    importer.Write((TValue)value, dataTypeName);
                }
            }
        }
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
