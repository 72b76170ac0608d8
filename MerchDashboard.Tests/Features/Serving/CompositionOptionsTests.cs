using System.ComponentModel.DataAnnotations;
using MerchDashboard.Engine.Composition;
using MerchDashboard.Features.Serving;
using MerchDashboard.Tests.Features.Curation;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Tests.Features.Serving;

[Collection(nameof(CurationStoreFixture))]
public sealed class CompositionOptionsTests(CurationStoreFixture fixture)
{
    private static List<string> Problems(CompositionOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.SelectMany(r => r.MemberNames)];
    }

    [Fact]
    public void Validate_Defaults_AcceptedAndEqualTheEnginesDefaults()
    {
        var options = new CompositionOptions();

        Problems(options).ShouldBeEmpty();
        options.ToEvidence().ShouldBe(SameCategoryEvidence.Default);
    }

    [Fact]
    public void Validate_LiftBelowOneOrNoOrders_RefusedNamingTheOption()
    {
        Problems(new CompositionOptions { SameCategoryMinLift = 0.9 }).ShouldBe([nameof(CompositionOptions.SameCategoryMinLift)]);
        Problems(new CompositionOptions { SameCategoryMinOrders = 0 }).ShouldBe([nameof(CompositionOptions.SameCategoryMinOrders)]);
    }

    [Fact]
    public async Task LoadAllAsync_ConfiguredThresholds_ReachTheSnapshotsCatalog()
    {
        var options = Options.Create(new CompositionOptions { SameCategoryMinLift = 2.0, SameCategoryMinOrders = 4 });

        var snapshot = await new StoreSnapshotLoader(fixture.Store.Database, fixture.Store.Time, options).LoadAllAsync(TestContext.Current.CancellationToken);

        snapshot.Catalog.Evidence.ShouldBe(new SameCategoryEvidence(2.0, 4));
        snapshot.Catalog.UnknownCategories.ShouldBeEmpty();
        // Every product, sold ones first by units: RC-1 and BAT-1 (2 units each, by id), CHG-1 (1 unit), then the rest by id.
        var ids = fixture.Store.Ids;
        snapshot.Catalog.StoreBestSellers.Take(3).ShouldBe([.. new[] { ids["RC-1"], ids["BAT-1"] }.Order(), ids["CHG-1"]]);
        snapshot.Catalog.StoreBestSellers.Count.ShouldBe(fixture.Store.Ids.Count);
    }
}
