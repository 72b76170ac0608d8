using MerchDashboard.Features.Rules;
using MerchDashboard.Tests.Features.Curation;
using Microsoft.EntityFrameworkCore;

namespace MerchDashboard.Tests.Features.Rules;

[Collection(nameof(CurationStoreFixture))]
public sealed class ComplementRuleCommandsTests(CurationStoreFixture fixture) : IAsyncLifetime
{
    private readonly CurationTestStore _store = fixture.Store;
    private ComplementRuleCommands _rules = null!;
    private Dictionary<string, int> _categories = [];

    public async ValueTask InitializeAsync()
    {
        await fixture.ResetAsync();
        _rules = new ComplementRuleCommands(_store.Database, _store.Snapshots, _store.Time);
        await using var db = _store.Database.CreateDbContext();
        _categories = await db.Categories.ToDictionaryAsync(c => c.Code, c => c.Id);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task CreateAsync_CategoryRule_ReloadsSnapshotAndReportsTheListsItReaches()
    {
        var result = await _rules.CreateAsync(new RuleInput(_categories["rc-cars"], null, _categories["batteries"], "cars need power"), "merch");

        result.Succeeded.ShouldBeTrue(result.Error);
        // 30 cars: RC-1 already shows mined batteries, the 29 others now get the best-selling batteries from the rule.
        result.Reach.ShouldBe(new RuleReach(30, 30));
        _store.Snapshots.Current.Catalog.Rules.ShouldHaveSingleItem().Note.ShouldBe("cars need power");
        var rows = await _rules.ListAsync();
        rows.ShouldHaveSingleItem().MatchingProducts.ShouldBe(30);
        await using var db = _store.Database.CreateDbContext();
        (await db.AuditEntries.SingleAsync()).Summary.ShouldBe("Created the rule RC cars → Batteries");
    }

    [Fact]
    public async Task UpdateAndDelete_ExistingRule_SnapshotFollows()
    {
        await _rules.CreateAsync(new RuleInput(null, "needs-batteries", _categories["batteries"]), "merch");
        var id = (await _rules.ListAsync()).Single().Id;

        (await _rules.UpdateAsync(id, new RuleInput(null, "needs-batteries", _categories["chargers"]), "merch")).Succeeded.ShouldBeTrue();
        _store.Snapshots.Current.Catalog.Rules.Single().TargetCategoryId.ShouldBe(_categories["chargers"]);
        (await _rules.DeleteAsync(id, "merch")).Succeeded.ShouldBeTrue();

        _store.Snapshots.Current.Catalog.Rules.ShouldBeEmpty();
        (await _rules.ListAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task CreateAsync_InvalidRules_RefusedWithReasonAndNothingSaved()
    {
        var noSource = await _rules.CreateAsync(new RuleInput(null, " ", _categories["batteries"]), "merch");
        var noTarget = await _rules.CreateAsync(new RuleInput(_categories["rc-cars"], null, null), "merch");
        var itself = await _rules.CreateAsync(new RuleInput(_categories["batteries"], null, _categories["batteries"]), "merch");

        noSource.Error.ShouldBe("Choose a source category or a tag.");
        noTarget.Error.ShouldBe("Choose the target category.");
        itself.Error!.ShouldStartWith("The target must differ from the source");
        (await _rules.ListAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task CreateAndUpdate_IdenticalToAnActiveRule_RefusedAndOnlyOneRuleKept()
    {
        var first = await _rules.CreateAsync(new RuleInput(null, "needs-batteries", _categories["batteries"], "power"), "merch");
        var twice = await _rules.CreateAsync(new RuleInput(null, " Needs-Batteries ", _categories["batteries"], "again"), "merch");
        var other = await _rules.CreateAsync(new RuleInput(_categories["rc-cars"], null, _categories["batteries"]), "merch");
        var otherId = (await _rules.ListAsync()).Single(r => r.SourceCategoryId is not null).Id;
        var editedIntoDuplicate = await _rules.UpdateAsync(otherId, new RuleInput(null, "needs-batteries", _categories["batteries"]), "merch");
        var editedInPlace = await _rules.UpdateAsync(otherId, new RuleInput(_categories["rc-cars"], null, _categories["batteries"], "cars"), "merch");

        first.Succeeded.ShouldBeTrue(first.Error);
        twice.Succeeded.ShouldBeFalse();
        twice.Error!.ShouldStartWith("The same rule already exists (tag needs-batteries → ");
        other.Succeeded.ShouldBeTrue(other.Error);
        editedIntoDuplicate.Error!.ShouldStartWith("The same rule already exists");
        editedInPlace.Succeeded.ShouldBeTrue(editedInPlace.Error);
        (await _rules.ListAsync()).Count.ShouldBe(2);
    }
}
