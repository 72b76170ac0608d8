using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace MerchDashboard.Engine.Mining.Input;

/// <summary>
/// Reads an orders CSV into baskets: a basket is the distinct items of one order id (rows of an order
/// need not be adjacent; baskets are numbered by first appearance). Rows of cancellations (an id
/// starting with <c>C</c>), rows with a non-positive quantity and rows with a non-positive price are
/// skipped and counted, in both layouts; rows without a customer still form baskets. An unreadable
/// number, an empty id or item, or a missing column stops the reading with the file, line and field.
/// </summary>
public static class OrderFileReader
{
    private const int MaxProblems = 20;

    public static BasketReadResult Read(string path, OrderFileFormat format, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return BasketReadResult.Failed([new InputProblem(path, 0, "", "the file does not exist")]);
        }
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Read(stream, path, format, progress, cancellationToken);
    }

    public static BasketReadResult Read(Stream stream, string fileName, OrderFileFormat format, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var layout = OrderLayout.For(format);
        using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, 1 << 16);
        using var parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { IgnoreBlankLines = true, TrimOptions = TrimOptions.Trim });
        var rows = new OrderRows(fileName, layout);
        try
        {
            if (!parser.Read())
            {
                return BasketReadResult.Failed([new InputProblem(fileName, 0, "", $"the file is empty; expected the header {string.Join(",", layout.Header)}")]);
            }
            if (rows.ReadHeader(parser.Record ?? []) is { } headerProblem)
            {
                return BasketReadResult.Failed([headerProblem]);
            }
            while (parser.Read() && rows.Problems.Count < MaxProblems)
            {
                rows.Add(parser.Record ?? [], parser.RawRow);
                if ((parser.Row & 0x3FFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (progress is not null && stream.CanSeek && stream.Length > 0)
                    {
                        progress.Report((double)stream.Position / stream.Length);
                    }
                }
            }
        }
        catch (DecoderFallbackException)
        {
            return BasketReadResult.Failed([new InputProblem(fileName, parser.RawRow + 1, "", "the file is not valid UTF-8 text from this line on; save it as UTF-8")]);
        }
        catch (CsvHelperException ex)
        {
            return BasketReadResult.Failed([new InputProblem(fileName, parser.RawRow, "", $"the file cannot be read here: {ex.Message.Split('\n')[0].Trim()}")]);
        }
        progress?.Report(1);
        return rows.Finish();
    }
}
