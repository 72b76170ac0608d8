using System.Buffers;
using System.Text.Json;

namespace MerchDashboard.Features.Storefront;

/// <summary>
/// Writes a response's JSON into a buffer kept per thread, then to the response in one write with its length: no
/// streaming serializer with several flushes (each takes the connection's output lock) and nothing allocated per request
/// for the JSON. The buffer grows to the largest response the thread has written (a few KB at
/// <see cref="StorefrontApiOptions.MaxLimit"/> slots) and is reused by its next request.
/// </summary>
internal static class BufferedJson
{
    private const string JsonContentType = "application/json; charset=utf-8";
    private const int InitialBufferBytes = 4096;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_encodingWriter;

    public static string ContentType => JsonContentType;

    /// <summary>What <paramref name="write"/> writes (minimized, the default encoder), as bytes to keep and copy into answers.</summary>
    public static byte[] ToKeep<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer, state);
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Writes what <paramref name="write"/> writes; the writer escapes with <paramref name="encoder"/> (null: the
    /// default encoder, as the kept lists are written). A thread keeps one writer for the default encoder and one for another.
    /// </summary>
    public static Task WriteAsync<TState>(HttpContext httpContext, TState state, Action<Utf8JsonWriter, TState> write,
        System.Text.Encodings.Web.JavaScriptEncoder? encoder = null)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(InitialBufferBytes);
        buffer.ResetWrittenCount();
        Utf8JsonWriter writer;
        if (encoder is null)
        {
            writer = t_writer ??= new Utf8JsonWriter(buffer);
        }
        else if (t_encodingWriter is { } kept && ReferenceEquals(kept.Options.Encoder, encoder))
        {
            writer = kept;
        }
        else
        {
            writer = t_encodingWriter = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = encoder });
        }
        writer.Reset(buffer);
        write(writer, state);
        writer.Flush();
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = JsonContentType;
        response.ContentLength = buffer.WrittenCount;
        // Copied into the response's pipe here (not by WriteAsync, which may hold the memory until the response starts),
        // so the thread's buffer is free for its next request whatever the flush does.
        response.BodyWriter.Write(buffer.WrittenSpan);
        var flushed = response.BodyWriter.FlushAsync(httpContext.RequestAborted);
        return flushed.IsCompletedSuccessfully ? Task.CompletedTask : flushed.AsTask();
    }
}
