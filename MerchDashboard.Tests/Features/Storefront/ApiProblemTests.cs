using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MerchDashboard.Tests.TestSupport;

namespace MerchDashboard.Tests.Features.Storefront;

/// <summary>Every /api error is ProblemDetails with a reason and no stack trace, in Development and in Production.</summary>
public abstract class ApiProblemTests
{
    protected abstract MerchAppFactory Factory { get; }

    /// <summary>The StorefrontApi:MaxRequestBodyBytes the app runs with.</summary>
    protected abstract long BodyLimit { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_QueryParameterNotANumber_400ProblemNamingIt()
    {
        var client = await StorefrontClients.NewKeyClientAsync(Factory, "problems query " + Guid.NewGuid());

        using var response = await client.GetAsync("/api/v1/customers/C1/recommendations?limit=abc", Ct);

        (await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("detail").GetString()!.ShouldContain("limit");
    }

    [Fact]
    public async Task Post_MalformedJson_400ProblemWithTheReason()
    {
        var client = await StorefrontClients.NewKeyClientAsync(Factory, "problems json " + Guid.NewGuid());

        using var response = await client.PostAsync("/api/v1/events", new StringContent("{\"events\": [ {\"type\": ", Encoding.UTF8, "application/json"), Ct);

        (await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("detail").GetString()!.ShouldContain("JSON");
    }

    [Fact]
    public async Task Post_NotJson_415Problem()
    {
        var client = await StorefrontClients.NewKeyClientAsync(Factory, "problems type " + Guid.NewGuid());

        using var response = await client.PostAsync("/api/v1/events", new StringContent("type=click", Encoding.UTF8, "text/plain"), Ct);

        await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Post_BodyOverTheLimit_413Problem()
    {
        var client = await StorefrontClients.NewKeyClientAsync(Factory, "problems size " + Guid.NewGuid());
        var body = new ByteArrayContent(new byte[BodyLimit + 1]);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await client.PostAsync("/api/v1/events", body, Ct);

        (await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge)).GetProperty("detail").GetString()!.ShouldContain($"{BodyLimit:N0}");
    }

    [Theory]
    [InlineData("/api/v1/no-such-thing")]
    [InlineData("/api/v1/products/X/no-such-list")]
    [InlineData("/api/v2/products")]
    public async Task Get_UnknownApiPath_404ProblemNotTheHtmlPage(string path)
    {
        using var response = await MerchAppFixture.NewClient(Factory).GetAsync(path, Ct);

        await ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_UnknownPage_StillTheHtmlNotFoundPage()
    {
        using var response = await MerchAppFixture.NewClient(Factory).GetAsync("/no-such-page", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
    }

    internal static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json", text);
        text.ShouldNotContain("   at ", customMessage: "no stack trace");
        text.ShouldNotContain("Exception", customMessage: "no exception type names");
        var json = JsonDocument.Parse(text).RootElement;
        json.GetProperty("status").GetInt32().ShouldBe((int)status);
        return json;
    }
}

[Collection(SharedMerchApp.Name)]
public sealed class ApiProblemInDevelopmentTests(MerchAppFixture app) : ApiProblemTests
{
    protected override MerchAppFactory Factory => app.Factory;
    protected override long BodyLimit => new MerchDashboard.Features.Storefront.StorefrontApiOptions().MaxRequestBodyBytes;
}

public sealed class ApiProblemInProductionTests(ApiProblemInProductionTests.Fixture app) : ApiProblemTests, IClassFixture<ApiProblemInProductionTests.Fixture>
{
    protected override MerchAppFactory Factory => app.Factory;
    protected override long BodyLimit => 4096;

    public sealed class Fixture() : ProductionAppFixture(new Dictionary<string, string?> { ["StorefrontApi:MaxRequestBodyBytes"] = "4096" });
}
