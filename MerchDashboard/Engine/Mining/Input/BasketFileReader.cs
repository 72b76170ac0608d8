using System.Text;

namespace MerchDashboard.Engine.Mining.Input;

/// <summary>
/// Reads the arules "basket" format: one basket per line, items separated by commas, no header, no
/// quoting. As arules' read.transactions does: items are trimmed, empty items dropped, a repeated item
/// counts once, and an empty line is an empty basket that still counts in N (a final newline does not
/// start another basket). LF or CRLF line ends; UTF-8 with or without a byte-order mark.
/// </summary>
public static class BasketFileReader
{
    private const int ChunkChars = 1 << 16;

    public static BasketReadResult Read(string path, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return BasketReadResult.Failed([new InputProblem(path, 0, "", "the file does not exist")]);
        }
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Read(stream, path, progress, cancellationToken);
    }

    public static BasketReadResult Read(Stream stream, string fileName, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, ChunkChars);
        var encoder = new BasketEncoder();
        var buffer = new char[ChunkChars];
        var filled = 0;
        long line = 0;
        var sawText = false;
        try
        {
            int read;
            while ((read = reader.Read(buffer, filled, buffer.Length - filled)) > 0)
            {
                sawText = true;
                filled += read;
                var consumed = ReadLines(buffer.AsSpan(0, filled), encoder, ref line);
                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
                if (filled == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }
                cancellationToken.ThrowIfCancellationRequested();
                if (progress is not null && stream.CanSeek && stream.Length > 0)
                {
                    progress.Report((double)stream.Position / stream.Length);
                }
            }
        }
        catch (DecoderFallbackException)
        {
            return BasketReadResult.Failed([new InputProblem(fileName, line + 1, "", "the file is not valid UTF-8 text from this line on; save it as UTF-8")]);
        }
        if (filled > 0)
        {
            AddBasket(buffer.AsSpan(0, filled), encoder);
            line++;
        }
        if (!sawText)
        {
            return BasketReadResult.Failed([new InputProblem(fileName, 0, "", "the file is empty; expected one basket per line, items separated by commas")]);
        }
        progress?.Report(1);
        return new BasketReadResult(encoder.Build(), [], new ReadReport(line, 0, 0, 0, 0));
    }

    /// <summary>Adds every complete line of the chunk and returns how many chars it used.</summary>
    private static int ReadLines(ReadOnlySpan<char> chunk, BasketEncoder encoder, ref long line)
    {
        var consumed = 0;
        int end;
        while ((end = chunk[consumed..].IndexOf('\n')) >= 0)
        {
            AddBasket(chunk.Slice(consumed, end), encoder);
            consumed += end + 1;
            line++;
        }
        return consumed;
    }

    private static void AddBasket(ReadOnlySpan<char> text, BasketEncoder encoder)
    {
        if (text.Length > 0 && text[^1] == '\r')
        {
            text = text[..^1];
        }
        int comma;
        while ((comma = text.IndexOf(',')) >= 0)
        {
            encoder.AddItem(text[..comma]);
            text = text[(comma + 1)..];
        }
        encoder.AddItem(text);
        encoder.EndBasket();
    }
}
