using MerchDashboard.Data.Entities;
using MerchDashboard.Engine.Composition;
using MerchDashboard.Features.Curation;
using MerchDashboard.Features.Serving;

namespace MerchDashboard.Tests.Features.Curation;

[Collection(nameof(CurationStoreFixture))]
public sealed class ListStatesTests(CurationStoreFixture fixture) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await fixture.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task ToEngine_TwoPinsOnOneSlot_EditorSnapshotAndApiShowTheSameWinner()
    {
        var store = fixture.Store;
        var anchor = store.Ids["RC-1"];
        var (lowerId, higherId) = (Math.Min(store.Ids["BAT-2"], store.Ids["CHG-1"]), Math.Max(store.Ids["BAT-2"], store.Ids["CHG-1"]));
        // The higher product id is stored first (lower row id): ordering by row id would let it win the slot.
        await using (var db = store.Database.CreateDbContext())
        {
            db.CuratedLists.Add(new CuratedList
            {
                AnchorProductId = anchor, Mode = ListMode.Curated, Version = 1, UpdatedAt = CurationTestStore.Now, UpdatedBy = "test",
                Overrides =
                [
                    new CurationOverride { Kind = OverrideKind.Pin, ProductId = higherId, Position = 1, CreatedAt = CurationTestStore.Now },
                    new CurationOverride { Kind = OverrideKind.Pin, ProductId = lowerId, Position = 1, CreatedAt = CurationTestStore.Now },
                ],
            });
            await db.SaveChangesAsync(Ct);
        }
        await store.Snapshots.ReloadCurationAsync(Ct);
        var snapshot = store.Snapshots.Current;
        var slots = RecommendationService.DefaultSlotsOf(snapshot);

        var editorState = ListStates.ToEngine((await store.Commands.GetAsync(anchor, Ct)).State);
        var editor = snapshot.Compose(anchor, CurationTestStore.Now, slots, curation: editorState);
        var served = snapshot.Compose(anchor, CurationTestStore.Now, slots);
        var api = new CurationApi(store.Commands, store.Snapshots, store.Time, Microsoft.Extensions.Options.Options.Create(new Microsoft.AspNetCore.Http.Json.JsonOptions())).ToDto(snapshot, await store.Commands.GetAsync(anchor, Ct));

        editor.Slots[0].Product.Id.ShouldBe(lowerId);
        served.Slots.Select(s => s.Product.Id).ShouldBe(editor.Slots.Select(s => s.Product.Id));
        api.Items.Select(i => i.Sku).ShouldBe(editor.Slots.Select(s => s.Product.Sku));
        // The losing pin moves to the next free slot rather than vanishing.
        editor.Slots[1].Product.Id.ShouldBe(higherId);
        editor.Slots[1].Source.ShouldBe(SlotSource.Pinned);
    }

    [Fact]
    public void ToEngine_OverridesOfEveryKind_KeepKindThenPositionThenProductOrder()
    {
        var list = new CuratedList
        {
            Mode = ListMode.Curated,
            Overrides =
            [
                new CurationOverride { Id = 1, Kind = OverrideKind.Exclude, ProductId = 9, Note = "worn out" },
                new CurationOverride { Id = 2, Kind = OverrideKind.Add, ProductId = 8, Position = 2 },
                new CurationOverride { Id = 3, Kind = OverrideKind.Pin, ProductId = 7, Position = 3 },
                new CurationOverride { Id = 4, Kind = OverrideKind.Pin, ProductId = 6, Position = 3 },
                new CurationOverride { Id = 5, Kind = OverrideKind.Add, ProductId = 5, Position = 1 },
                new CurationOverride { Id = 6, Kind = OverrideKind.Pin, ProductId = 4, Position = 1 },
            ],
        };

        var state = ListStates.ToEngine(ListState.From(list));

        state.Mode.ShouldBe(CurationMode.Curated);
        state.Overrides.Select(o => (o.GetType().Name, o.ProductId)).ShouldBe(
            [("Pin", 4), ("Pin", 6), ("Pin", 7), ("Add", 5), ("Add", 8), ("Exclude", 9)]);
    }
}
