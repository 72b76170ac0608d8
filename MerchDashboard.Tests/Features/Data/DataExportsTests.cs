using MerchDashboard.Data.Entities;
using MerchDashboard.Data.Import;
using MerchDashboard.Features.Data;
using MerchDashboard.Features.Serving;
using MerchDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using static MerchDashboard.Tests.Data.Import.StoreImporterTests;

namespace MerchDashboard.Tests.Features.Data;

public class DataExportsTests
{
    private const string Lists = """
        anchor_sku,mode,locked_top_n,note
        RC-1,locked,,"=HYPERLINK(""http://evil"")"
        RC-2,locked-top-n,1,Top slot fixed
        """;

    private const string Overrides = """
        anchor_sku,kind,sku,position,starts_at,expires_at,note
        RC-1,pin,BAT-1,1,2025-01-01T00:00:00Z,2099-01-01T00:00:00Z,+batteries first
        RC-1,exclude,RC-2,,,,@mention
        RC-2,add,BAT-1,1,,,-manual
        """;

    private static StoreFiles Curated(string lists = Lists, string overrides = Overrides) => Store() with
    {
        CuratedLists = ImportSource.FromText("curated-lists.csv", lists),
        CuratedOverrides = ImportSource.FromText("curated-overrides.csv", overrides),
    };

    private static async Task<DataExports> ExportsAsync(SqliteTestDatabase database)
    {
        var snapshots = new StoreSnapshotService(new StoreSnapshotLoader(database, TimeProvider.System), NullLogger<StoreSnapshotService>.Instance);
        await snapshots.ReloadAllAsync(TestContext.Current.CancellationToken);
        return new DataExports(database, snapshots, new RecommendationService(snapshots, TimeProvider.System));
    }

    [Fact]
    public async Task CuratedListsAsync_ImportedIntoAFreshDatabaseWithTheSameCatalog_GivesTheSameLists()
    {
        await using var source = await SqliteTestDatabase.CreateAsync();
        (await source.CreateImporter().ImportAsync(Curated(), ct: TestContext.Current.CancellationToken)).Succeeded.ShouldBeTrue();
        var exports = await ExportsAsync(source);
        var lists = await exports.CuratedListsAsync(TestContext.Current.CancellationToken);
        var overrides = await exports.CuratedOverridesAsync(TestContext.Current.CancellationToken);
        await using var target = await SqliteTestDatabase.CreateAsync();

        var report = await target.CreateImporter().ImportAsync(Curated(Unneutralize(lists), Unneutralize(overrides)), ct: TestContext.Current.CancellationToken);

        report.Succeeded.ShouldBeTrue(string.Join("\n", report.Problems));
        (await Describe(target)).ShouldBe(await Describe(source));
        (await (await ExportsAsync(target)).CuratedOverridesAsync(TestContext.Current.CancellationToken)).ShouldBe(overrides);
    }

    [Fact]
    public async Task Exports_CellsStartingWithFormulaCharacters_AreNeutralizedAndNumbersAreNot()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        (await database.CreateImporter().ImportAsync(Curated(), ct: TestContext.Current.CancellationToken)).Succeeded.ShouldBeTrue();
        await using (var db = database.CreateDbContext())
        {
            db.AuditEntries.Add(new AuditEntry { At = new DateTime(2025, 5, 1, 0, 0, 0, DateTimeKind.Utc), User = "=cmd|' /C calc'!A0", Action = "pin", Summary = "-2", Before = "@x" });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        var exports = await ExportsAsync(database);

        var lists = await exports.CuratedListsAsync(TestContext.Current.CancellationToken);
        var overrides = await exports.CuratedOverridesAsync(TestContext.Current.CancellationToken);
        var audit = await exports.AuditLogAsync(TestContext.Current.CancellationToken);

        lists.ShouldContain("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        overrides.ShouldContain(",'+batteries first");
        overrides.ShouldContain(",'@mention");
        overrides.ShouldContain(",'-manual");
        audit.ShouldContain("'=cmd|' /C calc'!A0");
        audit.ShouldContain(",-2,'@x,");
    }

    [Fact]
    public async Task FinalLists_EveryProduct_ListsTheComposersSlots()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        (await database.CreateImporter().ImportAsync(Curated(), ct: TestContext.Current.CancellationToken)).Succeeded.ShouldBeTrue();
        var exports = await ExportsAsync(database);

        var lines = exports.FinalLists().TrimEnd('\n').Split('\n');

        lines[0].ShouldBe(string.Join(",", DataExports.FinalListColumns));
        // RC-1 is locked with BAT-1 pinned first; RC-2 (out of stock) is excluded from it.
        lines.ShouldContain(l => l.StartsWith("RC-1,1,BAT-1,AA Batteries 8-pack,pinned,", StringComparison.Ordinal));
        lines.ShouldNotContain(l => l.StartsWith("RC-1,", StringComparison.Ordinal) && l.Contains(",RC-2,"));
    }

    /// <summary>What a spreadsheet user would do before re-importing: the apostrophe a formula cell got is dropped.</summary>
    private static string Unneutralize(string csv) => csv.Replace(",'", ",").Replace("\"'", "\"");

    private static async Task<string> Describe(SqliteTestDatabase database)
    {
        await using var db = database.CreateDbContext();
        var lists = await db.CuratedLists.Include(l => l.AnchorProduct).Include(l => l.Overrides).ThenInclude(o => o.Product)
            .OrderBy(l => l.AnchorProduct!.Sku).ToListAsync(TestContext.Current.CancellationToken);
        return string.Join("\n", lists.Select(l => $"{l.AnchorProduct!.Sku} {l.Mode} {l.LockedTopN} {l.Note}: " + string.Join("; ",
            l.Overrides.OrderBy(o => o.Kind).ThenBy(o => o.Position).Select(o => $"{o.Kind} {o.Product!.Sku} {o.Position} {o.StartsAt:O} {o.ExpiresAt:O} {o.Note}"))));
    }
}
