using MerchDashboard.Engine.Composition;
using MerchDashboard.Features.Rules;
using MerchDashboard.Features.Serving;
using MerchDashboard.Tests.Features.Curation;
using Microsoft.EntityFrameworkCore;

namespace MerchDashboard.Tests.Features.Rules;

[Collection(nameof(CurationStoreFixture))]
public sealed class CategoryPairingCommandsTests(CurationStoreFixture fixture) : IAsyncLifetime
{
    private readonly CurationTestStore _store = fixture.Store;
    private CategoryPairingCommands _pairings = null!;
    private Dictionary<string, int> _categories = [];
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await fixture.ResetAsync();
        _pairings = new CategoryPairingCommands(_store.Database, _store.Snapshots, _store.Time);
        await using var db = _store.Database.CreateDbContext();
        _categories = await db.Categories.ToDictionaryAsync(c => c.Code, c => c.Id, Ct);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task SetAsync_GoTogether_StoredAuditedAndInTheSnapshotAtOnce()
    {
        var result = await _pairings.SetAsync(_categories["batteries"], CategoryPairing.GoTogether, "merch", Ct);

        result.Succeeded.ShouldBeTrue(result.Error);
        _store.Snapshots.Current.Catalog.PairingOf(_categories["batteries"]).ShouldBe(CategoryPairing.GoTogether);
        var rows = await _pairings.ListAsync(Ct);
        rows.Single(r => r.Name == "Batteries").ShouldBe(new CategoryPairingRow(_categories["batteries"], "Batteries", "Power", 4, CategoryPairing.GoTogether, false));
        rows.Single(r => r.Name == "RC cars").Pairing.ShouldBe(CategoryPairing.ByEvidence);
        await using var db = _store.Database.CreateDbContext();
        var audit = await db.AuditEntries.SingleAsync(Ct);
        (audit.Action, audit.User, audit.Summary).ShouldBe(("SetCategoryPairing", "merch", "Set 'Batteries' to \"items go together\" (was \"decide by evidence\")"));
        audit.After.ShouldBe("""{"category":"Batteries","pairing":"GoTogether"}""");
        (await db.CategoryPairings.SingleAsync(Ct)).UpdatedBy.ShouldBe("merch");
    }

    [Fact]
    public async Task SetAsync_BackToEvidence_RemovesTheRowAndTheSnapshotEntry()
    {
        await _pairings.SetAsync(_categories["batteries"], CategoryPairing.Alternatives, "merch", Ct);

        (await _pairings.SetAsync(_categories["batteries"], CategoryPairing.ByEvidence, "lead", Ct)).Succeeded.ShouldBeTrue();

        _store.Snapshots.Current.Catalog.Pairings.ShouldBeEmpty();
        await using var db = _store.Database.CreateDbContext();
        (await db.CategoryPairings.CountAsync(Ct)).ShouldBe(0);
        (await db.AuditEntries.CountAsync(Ct)).ShouldBe(2);
    }

    [Fact]
    public async Task SetAsync_UnknownOrPlaceholderCategory_RefusedAndNothingWritten()
    {
        var missing = await _pairings.SetAsync(999_999, CategoryPairing.GoTogether, "merch", Ct);
        var outOfRange = await _pairings.SetAsync(_categories["batteries"], (CategoryPairing)7, "merch", Ct);
        var category = new MerchDashboard.Data.Entities.Category { Code = "uncategorized", Name = "Uncategorized", ParentId = _categories["toys"] };
        await using (var db = _store.Database.CreateDbContext())
        {
            db.Categories.Add(category);
            await db.SaveChangesAsync(Ct);
        }
        var placeholder = category.Id;
        var noCategory = await _pairings.SetAsync(placeholder, CategoryPairing.Alternatives, "merch", Ct);

        missing.Error.ShouldBe("That category no longer exists.");
        outOfRange.Error.ShouldBe("'7' is not a pairing setting.");
        noCategory.Error.ShouldBe("'Uncategorized' stands for products without a category; they are never alternatives of each other.");
        await using var check = _store.Database.CreateDbContext();
        (await check.CategoryPairings.CountAsync(Ct)).ShouldBe(0);
        (await check.AuditEntries.CountAsync(Ct)).ShouldBe(0);
        check.Categories.Remove(await check.Categories.SingleAsync(c => c.Id == placeholder, Ct));
        await check.SaveChangesAsync(Ct);
    }

    [Theory]
    [InlineData("uncategorized", "Uncategorized", true)]
    [InlineData("imported-uncategorized", "Uncategorized", true)]
    [InlineData("misc", "UNKNOWN", true)]
    [InlineData("lunch-bags", "Lunch bags", false)]
    [InlineData("other", "Other", false)]
    public void UnknownCategory_Matches_TheImportersPlaceholderAndItsVariants(string code, string name, bool unknown) =>
        UnknownCategory.Matches(code, name).ShouldBe(unknown);
}
