using System.Text.Encodings.Web;
using System.Text.Json;

namespace MerchDashboard.Features.Storefront;

/// <summary>An answer that writes its own JSON (no DTO): a customer's list, a cart's list.</summary>
public interface IWritesJson
{
    void WriteTo(Utf8JsonWriter writer);
}

/// <summary>
/// 200 with <paramref name="value"/>'s JSON written through <see cref="BufferedJson"/> (one write with its length), escaped
/// with <paramref name="encoder"/> (null: the default encoder, as the kept lists are written).
/// </summary>
public sealed class WrittenJsonResult(IWritesJson value, JavaScriptEncoder? encoder = null) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => BufferedJson.ContentType;

    public IWritesJson Value => value;

    public Task ExecuteAsync(HttpContext httpContext) =>
        BufferedJson.WriteAsync(httpContext, value, static (writer, value) => value.WriteTo(writer), encoder);
}
