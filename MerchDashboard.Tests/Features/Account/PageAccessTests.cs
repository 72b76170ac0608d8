using System.Net;
using System.Reflection;
using MerchDashboard.Features.Serving;
using MerchDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace MerchDashboard.Tests.Features.Account;

[Collection(SharedMerchApp.Name)]
public sealed class PageAccessTests(MerchAppFixture app)
{
    [Theory]
    [MemberData(nameof(PageAccessMatrix.Cases), MemberType = typeof(PageAccessMatrix))]
    public async Task Get_PageAsUser_AllowedOrRefusedPerPolicy(string route, string? user)
    {
        var policy = PageAccessMatrix.Pages.Single(p => p.Route == route).Policy;
        var client = user is null ? app.Anonymous() : await app.SignedInAsync(user);

        using var response = await client.GetAsync(SamplePath(route), TestContext.Current.CancellationToken);

        if (policy == PageAccessMatrix.Public || (user is not null && PageAccessMatrix.AllowedUsers[policy].Contains(user)))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        else if (user is null)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            response.Headers.Location!.AbsolutePath.ShouldBe("/login");
        }
        else
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            response.Headers.Location!.AbsolutePath.ShouldBe("/denied");
        }
    }

    [Fact]
    public void Pages_EveryRoutablePage_HasAMatrixRow()
    {
        var routes = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => r.Template)
            .Where(r => !PageAccessMatrix.NotRequested.Contains(r))
            .ToHashSet();

        routes.Order().ShouldBe(PageAccessMatrix.Pages.Select(p => p.Route).Order(),
            "add a (route, policy) row to PageAccessMatrix for each new page");
    }

    [Fact]
    public async Task Get_DeniedPage_ExplainsTheRefusal()
    {
        var client = await app.SignedInAsync("staff");

        var html = await client.GetStringAsync("/denied", TestContext.Current.CancellationToken);

        html.ShouldContain("data-testid=\"access-denied\"");
    }

    private string SamplePath(string route)
    {
        var snapshot = app.Factory.Services.GetRequiredService<StoreSnapshotService>().Current;
        return System.Text.RegularExpressions.Regex.Replace(route, "{sku[^}]*}", _ => snapshot.ProductIdsBySku.Keys.Order().First());
    }
}
