namespace MerchDashboard.Features.Storefront;

/// <summary>200 with a customer's list written by <see cref="FrequentlyBoughtWithJson"/> through <see cref="BufferedJson"/>.</summary>
public sealed class FrequentlyBoughtWithResult(FrequentlyBoughtWithJson list) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => BufferedJson.ContentType;

    public Task ExecuteAsync(HttpContext httpContext) =>
        BufferedJson.WriteAsync(httpContext, list, static (writer, list) => list.WriteTo(writer));
}
