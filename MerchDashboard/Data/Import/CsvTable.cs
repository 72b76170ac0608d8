using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace MerchDashboard.Data.Import;

/// <summary>
/// Reads a CSV file with CsvHelper (quotes, embedded commas and newlines, a byte-order mark, any line
/// ending), checks its header, and hands out rows whose typed getters log precise problems.
/// </summary>
public sealed partial class CsvTable : IDisposable
{
    private readonly StreamReader _reader;
    private readonly CsvReader _csv;
    private readonly Dictionary<string, int> _columns = new(StringComparer.OrdinalIgnoreCase);
    private readonly ProblemLog _log;
    private readonly int _maxFieldChars;
    private int _headerLength;

    public string FileName { get; }
    public long Line { get; private set; }
    public long StreamLength { get; }
    public long StreamPosition => _reader.BaseStream.CanSeek ? _reader.BaseStream.Position : 0;

    /// <summary>The number and length policy every reader of an imported file shares.</summary>
    public ImportOptions Options { get; }

    private CsvTable(ImportSource source, ProblemLog log, ImportOptions options)
    {
        FileName = source.FileName;
        _log = log;
        Options = options;
        _maxFieldChars = options.MaxFieldChars;
        var stream = source.Open();
        StreamLength = stream.CanSeek ? stream.Length : 0;
        _reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            BadDataFound = args => BadData(args.Field, args.RawRecord),
            MaxFieldSize = options.MaxFieldChars,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
            IgnoreBlankLines = true,
        };
        _csv = new CsvReader(_reader, config);
    }

    /// <summary>Opens the file and checks that it has the required columns; null (with problems logged) when it cannot be read.</summary>
    public static CsvTable? Open(ImportSource source, ProblemLog log, IReadOnlyList<string> required, ImportOptions? options = null)
    {
        var table = OpenAny(source, log, string.Join(",", required), options);
        if (table is not null && !table.RequireColumns(required))
        {
            table.Dispose();
            return null;
        }
        return table;
    }

    /// <summary>Opens the file and reads its header, whatever it holds; null (with problems logged) when it cannot be read.</summary>
    public static CsvTable? OpenAny(ImportSource source, ProblemLog log, string expected, ImportOptions? options = null)
    {
        var table = new CsvTable(source, log, options ?? new ImportOptions());
        try
        {
            if (!table._csv.Read() || !table._csv.ReadHeader() || table._csv.HeaderRecord is not { Length: > 0 } header)
            {
                log.Add(source.FileName, 1, "", $"the file is empty; expected a header with {expected}");
                table.Dispose();
                return null;
            }
            if (header.Any(h => h.Contains('\0', StringComparison.Ordinal)))
            {
                log.Add(source.FileName, 1, "", "the file looks like UTF-16 text without a byte-order mark (it holds NUL characters); save it as UTF-8");
                table.Dispose();
                return null;
            }
            table._headerLength = header.Length;
            table.Header = header;
            for (var i = 0; i < header.Length; i++)
            {
                table._columns.TryAdd(header[i].Trim(), i);
            }
            return table;
        }
        catch (DecoderFallbackException)
        {
            log.Add(source.FileName, 1, "", "the file is not valid UTF-8 text; save it as UTF-8 (with or without a byte-order mark)");
            table.Dispose();
            return null;
        }
        catch (CsvHelperException ex)
        {
            table.Unreadable(ex);
            table.Dispose();
            return null;
        }
    }

    public IReadOnlyList<string> Header { get; private set; } = [];

    /// <summary>Logs each required column the header lacks; false when any is missing.</summary>
    public bool RequireColumns(IReadOnlyList<string> required)
    {
        var missing = required.Where(r => !_columns.ContainsKey(r)).ToList();
        foreach (var column in missing)
        {
            _log.Add(FileName, 1, column, $"required column '{column}' is missing from the header (found: {Excerpt.Of(string.Join(",", Header))})");
        }
        return missing.Count == 0;
    }

    public bool Has(string column) => _columns.ContainsKey(column);

    /// <summary>
    /// Advances to the next well-formed row; false at the end or when the file cannot be read further.
    /// A row with more or fewer fields than the header (a truncated or shifted row) is logged and skipped.
    /// </summary>
    public bool Read()
    {
        try
        {
            while (_csv.Read())
            {
                Line = _csv.Parser.RawRow - CountNewlinesInRecord();
                if (_csv.Parser.Count == _headerLength)
                {
                    return true;
                }
                _log.Add(FileName, Line, "", OddQuotes(_csv.Parser.RawRecord)
                    ? $"a quote opens on this line and is never closed (the field runs to line {_csv.Parser.RawRow:N0}); close the quote, or double it (\"\") inside a quoted field"
                    : $"the row has {_csv.Parser.Count} fields but the header has {_headerLength} (a truncated row, or an unquoted comma)");
            }
            return false;
        }
        catch (DecoderFallbackException)
        {
            _log.Add(FileName, Line + 1, "", "the file is not valid UTF-8 text from here on; save it as UTF-8");
            return false;
        }
        catch (CsvHelperException ex)
        {
            Unreadable(ex);
            return false;
        }
    }

    /// <summary>A field past <see cref="ImportOptions.MaxFieldChars"/>: most often an unclosed quote swallowing the rest of the file.</summary>
    private void Unreadable(CsvHelperException ex)
    {
        var raw = _csv.Parser.RawRecord;
        var start = Math.Max(1, _csv.Parser.RawRow - CountNewlinesInRecord());
        if (ex is MaxFieldSizeException)
        {
            _log.Add(FileName, start, "", OddQuotes(raw) && raw.Contains('\n', StringComparison.Ordinal)
                ? $"a quote opens on this line and is never closed: the field runs past {_maxFieldChars:N0} characters (Import:MaxFieldChars)"
                : $"a field is longer than {_maxFieldChars:N0} characters (Import:MaxFieldChars); reading stopped here");
            return;
        }
        _log.Add(FileName, start, "", $"the file cannot be read here: {Excerpt.Of(FirstLine(ex.Message))}");
    }

    private void BadData(string field, string rawRecord)
    {
        var start = Math.Max(1, _csv.Parser.RawRow - rawRecord.Count(c => c == '\n') + (rawRecord.EndsWith('\n') ? 1 : 0));
        _log.Add(FileName, start, "", field.TrimStart().StartsWith('"') && OddQuotes(field)
            ? $"a quote opens on this line and is never closed: {Excerpt.Quoted(field.Split('\n')[0].TrimEnd('\r'))}"
            : $"malformed field {Excerpt.Quoted(field)}: a quote inside an unquoted field; quote the whole field and double the quote (\"\")");
    }

    private static bool OddQuotes(string text) => text.Count(c => c == '"') % 2 == 1;

    public int FieldCount => _csv.Parser.Count;

    /// <summary>The current row as it stands in the file, for showing a skipped or refused row.</summary>
    public string RawRecord => _csv.Parser.RawRecord.TrimEnd('\r', '\n');

    /// <summary>The trimmed text of a column ("" when the column or the field is absent).</summary>
    public string Text(string column) =>
        _columns.TryGetValue(column, out var index) && index < _csv.Parser.Count ? (_csv.Parser[index] ?? "").Trim() : "";

    public string Required(string column)
    {
        var value = Text(column);
        if (value.Length == 0)
        {
            Problem(column, "is empty");
        }
        return value;
    }

    public void Problem(string column, string message) => _log.Add(FileName, Line, column, message);

    public void Dispose()
    {
        _csv.Dispose();
        _reader.Dispose();
    }

    private int CountNewlinesInRecord()
    {
        var raw = _csv.Parser.RawRecord;
        var count = 0;
        for (var i = 0; i < raw.Length - 1; i++)
        {
            if (raw[i] == '\n')
            {
                count++;
            }
        }
        return count;
    }

    private static string Quote(string text) => Excerpt.Quoted(text);

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
