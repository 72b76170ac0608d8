using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Unicode;

namespace MerchDashboard.Data.Import;

/// <summary>The baskets read from a file, or the problems that stopped the reading (then <see cref="Baskets"/> is null).</summary>
public sealed record BasketReadResult(LabelledBaskets? Baskets, IReadOnlyList<ImportProblem> Problems)
{
    public bool Succeeded => Baskets is not null;

    public static BasketReadResult Failed(params IReadOnlyList<ImportProblem> problems) => new(null, problems);
}

/// <summary>
/// Reads the arules "basket" format: one basket per line, items separated by commas, no header, no
/// quoting. As arules' read.transactions does: items are trimmed, empty items dropped, a repeated item
/// counts once, and an empty line is an empty basket that still counts in N (a final newline does not
/// start another basket). LF or CRLF line ends; UTF-8 with or without a byte-order mark. The file is
/// read whole and cut at line ends into one part per core, parsed in parallel and merged in order; the SKUs
/// reach the engine as ints (<see cref="LabelledBaskets"/>).
/// </summary>
public static class BasketFileReader
{
    private const int MinPartBytes = 1 << 20;

    public static BasketReadResult Read(string path, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return BasketReadResult.Failed(new ImportProblem(path, 0, "", "the file does not exist"));
        }
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return Read(stream, path, progress, cancellationToken);
    }

    public static BasketReadResult Read(Stream stream, string fileName, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (stream.CanSeek && stream.Length - stream.Position > Array.MaxLength)
        {
            return BasketReadResult.Failed(new ImportProblem(fileName, 0, "", $"the file is larger than {Array.MaxLength:N0} bytes, the most this reader holds; split it"));
        }
        var bytes = ReadAll(stream);
        var text = bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes.AsMemory(3) : bytes.AsMemory();
        if (text.IsEmpty)
        {
            return BasketReadResult.Failed(new ImportProblem(fileName, 0, "", "the file is empty; expected one basket per line, items separated by commas"));
        }
        if (Utf8.IsValid(text.Span) is false)
        {
            return BasketReadResult.Failed(new ImportProblem(fileName, FirstInvalidLine(text.Span), "", "the file is not valid UTF-8 text from this line on; save it as UTF-8"));
        }
        var parts = Split(text, Math.Clamp(text.Length / MinPartBytes, 1, Environment.ProcessorCount));
        var builders = new SkuBasketBuilder[parts.Count];
        var done = 0;
        Parallel.For(0, parts.Count, new ParallelOptions { CancellationToken = cancellationToken }, part =>
        {
            builders[part] = ParsePart(parts[part].Span, cancellationToken);
            progress?.Report(0.9 * Interlocked.Increment(ref done) / parts.Count);
        });
        var baskets = SkuBasketBuilder.Merge(builders);
        progress?.Report(1);
        return new BasketReadResult(baskets, []);
    }

    private static byte[] ReadAll(Stream stream)
    {
        if (stream.CanSeek)
        {
            var bytes = new byte[stream.Length - stream.Position];
            stream.ReadExactly(bytes);
            return bytes;
        }
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Cuts the text into about <paramref name="count"/> parts, each ending just after a line feed (the last at the end).</summary>
    private static List<ReadOnlyMemory<byte>> Split(ReadOnlyMemory<byte> text, int count)
    {
        var parts = new List<ReadOnlyMemory<byte>>(count);
        var start = 0;
        for (var k = 1; k < count && start < text.Length; k++)
        {
            var target = Math.Max(start, (int)((long)text.Length * k / count));
            var newline = text.Span[target..].IndexOf((byte)'\n');
            if (newline < 0)
            {
                break;
            }
            parts.Add(text[start..(target + newline + 1)]);
            start = target + newline + 1;
        }
        if (start < text.Length)
        {
            parts.Add(text[start..]);
        }
        return parts;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static SkuBasketBuilder ParsePart(ReadOnlySpan<byte> bytes, CancellationToken cancellationToken)
    {
        var encoder = new SkuBasketBuilder();
        var chars = ArrayPool<char>.Shared.Rent(256);
        try
        {
            while (!bytes.IsEmpty)
            {
                var end = bytes.IndexOf((byte)'\n');
                var line = end < 0 ? bytes : bytes[..end];
                bytes = end < 0 ? default : bytes[(end + 1)..];
                if (line.Length > chars.Length)
                {
                    ArrayPool<char>.Shared.Return(chars);
                    chars = ArrayPool<char>.Shared.Rent(line.Length);
                }
                Utf8.ToUtf16(line, chars, out _, out var written);
                AddBasket(chars.AsSpan(0, written), encoder);
                if ((encoder.BasketCount & 0xFFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
        return encoder;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddBasket(ReadOnlySpan<char> text, SkuBasketBuilder encoder)
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

    private static long FirstInvalidLine(ReadOnlySpan<byte> text)
    {
        var chars = new char[text.Length];
        Utf8.ToUtf16(text, chars, out var validBytes, out _, replaceInvalidSequences: false);
        return text[..validBytes].Count((byte)'\n') + 1;
    }
}
