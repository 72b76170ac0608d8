using System.Text;
using MerchDashboard.Features.Account;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MerchDashboard.Features.Data;

/// <summary>CSV downloads of the Data page: plain GETs so the browser saves them; administrators only.</summary>
public static class DataEndpoints
{
    public static IEndpointRouteBuilder MapDataExports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/data/export").RequireAuthorization(Policies.Administer).ExcludeFromDescription();
        group.MapGet("/curated-lists.csv", async (DataExports exports, CancellationToken ct) => Csv(await exports.CuratedListsAsync(ct), "curated-lists.csv"));
        group.MapGet("/curated-overrides.csv", async (DataExports exports, CancellationToken ct) => Csv(await exports.CuratedOverridesAsync(ct), "curated-overrides.csv"));
        group.MapGet("/final-lists.csv", (DataExports exports) => Csv(exports.FinalLists(), "final-lists.csv"));
        group.MapGet("/audit-log.csv", async (DataExports exports, CancellationToken ct) => Csv(await exports.AuditLogAsync(ct), "audit-log.csv"));
        return app;
    }

    private static FileContentHttpResult Csv(string text, string fileName) =>
        TypedResults.File(Encoding.UTF8.GetBytes(text), "text/csv; charset=utf-8", fileName);
}
