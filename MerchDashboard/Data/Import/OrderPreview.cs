namespace MerchDashboard.Data.Import;

/// <summary>One row of a preview: the order line as it will be read, or why it will be skipped or refused.</summary>
public sealed record PreviewLine(long Line, OrderRow? Row, string Status, string Raw = "");

/// <summary>
/// The first rows of an orders file read exactly as the importer will read them (same layout detection,
/// same parsers), without touching the database. <see cref="Problems"/> holds header problems.
/// </summary>
public sealed record OrderPreview(OrderLayout? Layout, IReadOnlyList<PreviewLine> Lines, IReadOnlyList<ImportProblem> Problems)
{
    public const int DefaultRows = 10;

    public static OrderPreview Read(ImportSource source, OrderLayout? layout = null, int rows = DefaultRows, ImportOptions? options = null)
    {
        var log = new ProblemLog();
        options ??= new ImportOptions();
        var nonProduct = new Cleaning.NonProductRule(options);
        using var table = CsvTable.OpenAny(source, log, OrderFile.ExpectedHeader, options);
        if (table is null)
        {
            return new OrderPreview(null, [], log.Problems);
        }
        var chosen = layout ?? OrderLayouts.Detect(table.Header);
        if (chosen is null)
        {
            log.Add(source.FileName, 1, "", OrderLayouts.UnknownHeaderMessage(table.Header));
            return new OrderPreview(null, [], log.Problems);
        }
        if (!table.RequireColumns(OrderLayouts.RequiredColumns(chosen.Value)))
        {
            return new OrderPreview(chosen, [], log.Problems);
        }
        var parser = OrderLayouts.Parser(chosen.Value);
        var lines = new List<PreviewLine>();
        while (lines.Count < rows)
        {
            var before = log.Problems.Count;
            if (!table.Read())
            {
                if (log.Problems.Count > before)
                {
                    lines.Add(new PreviewLine(log.Problems[^1].Line, null, "refused: " + log.Problems[^1].Message));
                }
                break;
            }
            if (log.Problems.Count > before)
            {
                lines.Add(new PreviewLine(log.Problems[before].Line, null, "refused: " + log.Problems[before].Message));
            }
            var parsed = parser.Parse(table);
            var status = parsed switch
            {
                { Row: { } row } when nonProduct.Matches(row.Sku, row.ProductName) => "left out: a fee, postage or adjustment line",
                { Row.IsReturn: true } => "cancellation or return: subtracted from the order it undoes",
                { Row: not null } => "ok",
                { SkipReason: { } reason } => "skipped: " + reason,
                _ => "refused: " + string.Join("; ", log.Problems.Skip(before).Select(p => $"{p.Field} {p.Message}")),
            };
            lines.Add(new PreviewLine(table.Line, parsed.Row, status, parsed.Row is null ? table.RawRecord : ""));
        }
        return new OrderPreview(chosen, lines, []);
    }
}
