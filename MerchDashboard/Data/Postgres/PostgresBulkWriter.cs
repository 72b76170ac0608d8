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
        // A counted collection is enumerated as it is (the import's order lines are made while written); anything else is listed first.
        var list = rows as IReadOnlyCollection<T> ?? rows.ToList();
        if (list.Count == 0)
        {
            return;
        }
        var bulk = BulkTable.For(db, list.First());
        var table = bulk.Name;
        var columns = bulk.Columns.Select(Quote).ToList();
        var writers = bulk.Mappings.Select(ColumnWriter.For).ToArray();

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
                    for (var i = 0; i < writers.Length; i++)
                    {
                        writers[i].Write(importer, bulk.ValueOf(row, i));
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
            if (bulk.ExplicitKey is { ValueGenerated: ValueGenerated.OnAdd } key && key.ClrType != typeof(string))
            {
                await ResetSequenceAsync(db, table, key.GetColumnName(bulk.Store)!, ct);
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
