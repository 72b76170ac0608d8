using System.Net;
using System.Text.RegularExpressions;
using MerchDashboard.Data;
using MerchDashboard.Features.Data;
using MerchDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MerchDashboard.Tests.Features.Data;

/// <summary>The real app: exports are for administrators only, and a reset restores the demo store.</summary>
public sealed partial class DataEndpointsTests(MerchAppFactory app) : IClassFixture<MerchAppFactory>
{
    [Theory]
    [InlineData(null, HttpStatusCode.Redirect)]
    [InlineData("merch", HttpStatusCode.Redirect)]
    [InlineData("admin", HttpStatusCode.OK)]
    public async Task ExportCuratedLists_ByRole_OnlyAdministratorsGetTheFile(string? user, HttpStatusCode expected)
    {
        var client = await SignedInAsync(user);

        var response = await client.GetAsync("/data/export/curated-lists.csv", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(expected);
        if (expected == HttpStatusCode.OK)
        {
            response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            body.Split('\n')[0].ShouldBe("anchor_sku,mode,locked_top_n,note");
            var seed = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "seed-data", "curated-lists.csv")).Skip(1).Select(l => l.Split(',')[0]);
            body.TrimEnd('\n').Split('\n').Skip(1).Select(l => l.Split(',')[0]).ShouldBe(seed.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task ResetAsync_AfterTheStoreChanged_RestoresTheDemoStoreAndKeepsUsers()
    {
        await SignedInAsync(null);
        var factory = app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<AppDbContext>>();
        int orders, lists, users;
        await using (var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            (orders, lists, users) = (await db.Orders.CountAsync(TestContext.Current.CancellationToken),
                await db.CuratedLists.CountAsync(TestContext.Current.CancellationToken), await db.Users.CountAsync(TestContext.Current.CancellationToken));
            await db.CuratedLists.Take(2).ExecuteDeleteAsync(TestContext.Current.CancellationToken);
            await db.OrderLines.Where(l => l.OrderId < 100).ExecuteDeleteAsync(TestContext.Current.CancellationToken);
            await db.Orders.Where(o => o.Id < 100).ExecuteDeleteAsync(TestContext.Current.CancellationToken);
        }

        var result = await app.Services.GetRequiredService<StoreResetCommands>().ResetAsync("admin", null, TestContext.Current.CancellationToken);

        result.Succeeded.ShouldBeTrue(result.Message);
        await using var after = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        (await after.Orders.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(orders);
        (await after.CuratedLists.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(lists);
        (await after.Users.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(users);
        (await after.MiningRuns.CountAsync(r => r.IsCurrent, TestContext.Current.CancellationToken)).ShouldBe(1);
        (await after.AuditEntries.SingleAsync(TestContext.Current.CancellationToken)).Action.ShouldBe("reset-store");
    }

    private async Task<HttpClient> SignedInAsync(string? user)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (user is null)
        {
            return client;
        }
        var login = await client.GetStringAsync("/login", TestContext.Current.CancellationToken);
        var token = Token().Match(login).Groups[1].Value;
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["username"] = user, ["password"] = MerchAppFactory.DemoPassword, ["returnUrl"] = "/",
        }), TestContext.Current.CancellationToken);
        response.Headers.Location!.OriginalString.ShouldNotContain("error");
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
