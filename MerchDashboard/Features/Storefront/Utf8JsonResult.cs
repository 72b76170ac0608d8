namespace MerchDashboard.Features.Storefront;

/// <summary>
/// 200 with JSON serialized once and kept (the served-list cache's anonymous lists): the bytes are written as they
/// are, without the file result's range and conditional-request handling that <c>TypedResults.Bytes</c> brings.
/// </summary>
public sealed class Utf8JsonResult(byte[] json) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => BufferedJson.ContentType;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = BufferedJson.ContentType;
        response.ContentLength = json.Length;
        var written = response.BodyWriter.WriteAsync(json, httpContext.RequestAborted);
        return written.IsCompletedSuccessfully ? Task.CompletedTask : written.AsTask();
    }
}
