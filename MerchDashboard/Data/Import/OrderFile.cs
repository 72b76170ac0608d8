using MerchDashboard.Data.Import.Cleaning;

namespace MerchDashboard.Data.Import;

/// <summary>The rows of an orders file in one layout, before cleaning.</summary>
public sealed record OrderFileRows(OrderLayout Layout, IReadOnlyList<OrderRow> Rows, IReadOnlyList<string> Notes, bool ZeroPriceIsNoise, string SkuColumn);

/// <summary>What a streamed orders file was, once read: its layout, the rows handed on, and what the layout's parser noted.</summary>
public sealed record OrderFileShape(OrderLayout Layout, long Rows, IReadOnlyList<string> Notes, bool ZeroPriceIsNoise, string SkuColumn);

/// <summary>
/// Reads an orders file in any <see cref="OrderLayout"/> (given, or recognised from the header) with one number,
/// date and length policy (<see cref="ImportOptions"/>). The one reader of order files: the Data page, <c>import</c>,
/// <c>rules</c>, <c>itemsets</c> and <c>clv</c> all come through here and then through <see cref="OrderCleaner"/>.
/// </summary>
public static class OrderFile
{
    public const string ExpectedHeader = "order_id,customer_id,ordered_at,sku,quantity,unit_price";

    /// <summary>The rows, or null when the file cannot be read (problems in <paramref name="log"/>); skipped rows go to <paramref name="tally"/>.</summary>
    public static OrderFileRows? Read(ImportSource source, OrderLayout? layout, ImportOptions options, ProblemLog log, CleaningTally tally,
        IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var rows = new List<OrderRow>();
        return Stream(source, layout, options, log, tally, (_, _) => rows.Add, progress, ct) is { } shape
            ? new OrderFileRows(shape.Layout, rows, shape.Notes, shape.ZeroPriceIsNoise, shape.SkuColumn)
            : null;
    }

    /// <summary>
    /// Reads the file row by row and hands each valid row to the consumer <paramref name="start"/> returns once the layout is
    /// known (given the layout and whether a zero price is noise in it); no row is kept here. Null when the file cannot be
    /// read; rows may have been handed on before a later row's problem, so a consumer keeps nothing when this returns null.
    /// </summary>
    public static OrderFileShape? Stream(ImportSource source, OrderLayout? layout, ImportOptions options, ProblemLog log, CleaningTally tally,
        Func<OrderLayout, bool, Action<OrderRow>> start, IProgress<ImportProgress>? progress, CancellationToken ct, string? stage = null)
    {
        using var table = CsvTable.OpenAny(source, log, ExpectedHeader, options);
        if (table is null)
        {
            return null;
        }
        var chosen = layout ?? OrderLayouts.Detect(table.Header);
        if (chosen is null)
        {
            log.Add(source.FileName, 1, "", OrderLayouts.UnknownHeaderMessage(table.Header));
            return null;
        }
        if (!table.RequireColumns(OrderLayouts.RequiredColumns(chosen.Value)))
        {
            return null;
        }
        var parser = OrderLayouts.Parser(chosen.Value);
        var consume = start(chosen.Value, parser.ZeroPriceIsNoise);
        var firstRows = new Dictionary<string, OrderRow>(StringComparer.Ordinal);
        stage ??= $"Reading {source.FileName}";
        long handed = 0, read = 0;
        while (table.Read() && !log.Full)
        {
            if (read++ % 4096 == 0)
            {
                ct.ThrowIfCancellationRequested();
                progress?.Report(new ImportProgress(stage, table.StreamPosition, table.StreamLength));
            }
            var parsed = parser.Parse(table);
            if (parsed.SkipReason is { } reason)
            {
                tally.Add(reason, table.Line, Excerpt.Of(table.RawRecord));
            }
            else if (parsed.Row is { } row && (!parser.StrictOrderFields || Consistent(table, row, firstRows)))
            {
                consume(row);
                handed++;
            }
        }
        progress?.Report(new ImportProgress(stage, table.StreamLength, table.StreamLength));
        return log.Any ? null : new OrderFileShape(chosen.Value, handed, [.. parser.Notes], parser.ZeroPriceIsNoise, parser.SkuColumn);
    }

    /// <summary>
    /// Reads again, row by row, a file that <see cref="Stream"/> read whole without a problem, in the layout found then: the
    /// same rows in the same order. A file that changed meanwhile (a problem now, or another number of rows) throws
    /// <see cref="ImportFileChangedException"/>.
    /// </summary>
    public static IEnumerable<OrderRow> Replay(ImportSource source, OrderFileShape shape, ImportOptions options, string stage,
        IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var log = new ProblemLog(1);
        using var table = CsvTable.OpenAny(source, log, ExpectedHeader, options);
        if (table is null || !table.RequireColumns(OrderLayouts.RequiredColumns(shape.Layout)))
        {
            throw new ImportFileChangedException(source.FileName);
        }
        var parser = OrderLayouts.Parser(shape.Layout);
        long handed = 0, read = 0;
        while (table.Read())
        {
            if (read++ % 4096 == 0)
            {
                ct.ThrowIfCancellationRequested();
                progress?.Report(new ImportProgress(stage, table.StreamPosition, table.StreamLength));
            }
            var parsed = parser.Parse(table);
            if (log.Any)
            {
                throw new ImportFileChangedException(source.FileName);
            }
            if (parsed.Row is { } row)
            {
                handed++;
                yield return row;
            }
        }
        if (handed != shape.Rows)
        {
            throw new ImportFileChangedException(source.FileName);
        }
        progress?.Report(new ImportProgress(stage, table.StreamLength, table.StreamLength));
    }

    /// <summary>The lines of one order agree on its customer and time (the generic layout repeats them on every line).</summary>
    private static bool Consistent(CsvTable table, OrderRow row, Dictionary<string, OrderRow> firstRows)
    {
        if (!firstRows.TryGetValue(row.OrderId, out var first))
        {
            firstRows[row.OrderId] = row;
            return true;
        }
        if (first.CustomerKey != row.CustomerKey)
        {
            table.Problem("customer_id", $"order '{row.OrderId}' has customer '{first.CustomerKey}' on line {first.Line} but '{row.CustomerKey}' here; an order belongs to one customer");
            return false;
        }
        if (first.PlacedAt != row.PlacedAt)
        {
            table.Problem("ordered_at", $"order '{row.OrderId}' was placed at {first.PlacedAt:O} on line {first.Line} but at {row.PlacedAt:O} here");
            return false;
        }
        return true;
    }
}
