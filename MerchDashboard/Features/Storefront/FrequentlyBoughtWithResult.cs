using System.Buffers;
using System.Text.Json;

namespace MerchDashboard.Features.Storefront;

/// <summary>
/// 200 with a customer's list written by <see cref="FrequentlyBoughtWithJson"/> into a buffer kept per thread, then to
/// the response in one write with its length. The buffer grows to the largest list the thread has written (a few KB at
/// <see cref="StorefrontApiOptions.MaxLimit"/> slots) and is reused by its next request; nothing is allocated per request
/// for the JSON.
/// </summary>
public sealed class FrequentlyBoughtWithResult(FrequentlyBoughtWithJson list) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    private const string JsonContentType = "application/json; charset=utf-8";
    private const int InitialBufferBytes = 4096;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => JsonContentType;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(InitialBufferBytes);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        list.WriteTo(writer);
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
