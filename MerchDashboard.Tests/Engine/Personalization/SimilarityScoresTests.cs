using MerchDashboard.Engine.Personalization;
using static MerchDashboard.Tests.Engine.Personalization.PersonalizationFixtures;

namespace MerchDashboard.Tests.Engine.Personalization;

/// <summary>The profile's precomputed similarity scores and the model's reverse index, against brute force over random stores.</summary>
public class SimilarityScoresTests
{
    [Fact]
    public void ListedBy_RandomHistories_ExactlyTheProductsWhoseListsHoldIt()
    {
        var random = new Random(19);
        for (var round = 0; round < 25; round++)
        {
            var history = RandomHistory(random, customers: 40, products: 15);
            var model = ItemSimilarityBuilder.Build(history, new ItemSimilarityOptions(NeighboursPerItem: random.Next(1, 6)), cancellationToken: TestContext.Current.CancellationToken);
            var products = history.Select(p => p.ProductId).Distinct().Append(999).ToList();

            foreach (var product in products)
            {
                var expected = products.SelectMany(p => model.NeighboursOf(p).ToArray().Where(n => n.ProductId == product).Select(n => (p, n.Similarity)));
                model.ListedBy(product).ToArray().Select(n => (n.ProductId, n.Similarity)).ShouldBe(expected, ignoreOrder: true, $"round {round}, product {product}");
            }
        }
    }

    [Fact]
    public void Explain_RandomShoppers_SimilarityIsTheBruteForceMaximumOverBothDirections()
    {
        var random = new Random(20261201);
        for (var round = 0; round < 25; round++)
        {
            var history = RandomHistory(random, customers: 60, products: 20);
            var catalog = CatalogIndex.Create(Enumerable.Range(1, 20).Select(id => Product(id, categoryId: 10 + (id % 3))), new Dictionary<int, string>());
            var model = PersonalizationModel.Train(history, catalog, similarityOptions: new ItemSimilarityOptions(NeighboursPerItem: random.Next(1, 6)));
            var customer = history[random.Next(history.Count)].CustomerKey;
            var profile = ShopperProfileBuilder.Build("shopper", history.Where(p => p.CustomerKey == customer), AsOf, model);

            foreach (var product in catalog.Products)
            {
                var contributions = profile.ItemWeights.SelectMany(owned =>
                    model.Similarity.NeighboursOf(owned.Key).ToArray().Where(n => n.ProductId == product.Id).Select(n => n.Similarity)
                        .Concat(model.Similarity.NeighboursOf(product.Id).ToArray().Where(n => n.ProductId == owned.Key).Select(n => n.Similarity))
                        .Select(sim => (Score: owned.Value * sim / model.Similarity.TopSimilarity(owned.Key), From: owned.Key)))
                    .Where(c => c.Score > 0).OrderByDescending(c => c.Score).ThenBy(c => c.From).ToList();
                var explained = profile.Explain(product);

                explained.Similarity.ShouldBe(contributions.Count == 0 ? 0 : Math.Min(1, contributions[0].Score), $"round {round}, product {product.Id}");
                explained.SimilarTo.ShouldBe(contributions.Count == 0 ? null : contributions[0].From);
            }
        }
    }
}
