using MerchDashboard.Engine.Catalog;

namespace MerchDashboard.Engine.Personalization;

/// <summary>One "recommended for you" slot; <see cref="IsBestSeller"/> marks a best-seller fill-in.</summary>
public sealed record Recommendation(ProductInfo Product, double Score, string Reason, bool IsBestSeller);

/// <summary>
/// "Recommended for you" (Linden et al.'s recommendation step): every neighbour p of the shopper's owned
/// items scores <c>Σ_i w_i · sim(i, p)</c> over owned items i that keep p among their top-M neighbours
/// (w_i the recency weight of <see cref="ShopperProfile"/>), boosted to
/// <c>score · (1 + 0.5 · category(p) + 0.25 · brand(p)) · (1 − s + s · cheapness(p))</c>.
/// Owned products are excluded unless tagged <c>consumable</c>, so are products missing from the catalog and,
/// unless asked otherwise, unavailable ones. Ties go to the lower product id. Slots left over, and every slot
/// of a shopper without history, are filled with best sellers under the same exclusions.
/// </summary>
public static class PersonalRecommender
{
    public const double CategoryBoost = 0.5;
    public const double BrandBoost = 0.25;
    public const string ConsumableTag = "consumable";
    public const string BestSellerReason = "best seller";

    public static IReadOnlyList<Recommendation> Recommend(
        ShopperProfile profile, PersonalizationModel model, int count, bool onlyAvailable = true)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegative(count);

        var candidates = new Dictionary<int, (double Sum, ScoredFrom Best)>();
        foreach (var (item, weight) in profile.ItemWeights)
        {
            foreach (var neighbour in model.Similarity.NeighboursOf(item))
            {
                var contribution = weight * neighbour.Similarity;
                var (sum, best) = candidates.GetValueOrDefault(neighbour.ProductId);
                if (contribution > best.Score || (contribution == best.Score && item < best.From))
                {
                    best = new ScoredFrom(contribution, item);
                }

                candidates[neighbour.ProductId] = (sum + contribution, best);
            }
        }

        var ranked = new List<(ProductInfo Product, double Score, int From)>(candidates.Count);
        foreach (var (productId, (sum, best)) in candidates)
        {
            if (model.Catalog.Find(productId) is { } product && IsEligible(product, profile, onlyAvailable))
            {
                ranked.Add((product, sum * Boost(product, profile, model.Catalog), best.From));
            }
        }

        ranked.Sort((x, y) => x.Score != y.Score ? y.Score.CompareTo(x.Score) : x.Product.Id.CompareTo(y.Product.Id));
        var result = ranked
            .Take(count)
            .Select(r => new Recommendation(r.Product, r.Score, BecauseYouBought(r.From, model.Catalog), IsBestSeller: false))
            .ToList();
        FillWithBestSellers(result, count, profile, model, onlyAvailable);
        return result;
    }

    public static bool IsEligible(ProductInfo product, ShopperProfile profile, bool onlyAvailable)
    {
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(profile);
        return (!onlyAvailable || product.IsAvailable)
            && (!profile.Owns(product.Id) || product.HasTag(ConsumableTag));
    }

    private static string BecauseYouBought(int productId, CatalogIndex catalog) =>
        $"because you bought {catalog.Find(productId)?.Name ?? $"product {productId}"}";

    private static double Boost(ProductInfo product, ShopperProfile profile, CatalogIndex catalog)
    {
        var affinity = 1
            + CategoryBoost * profile.CategoryAffinity.GetValueOrDefault(product.CategoryId)
            + BrandBoost * profile.BrandAffinity.GetValueOrDefault(product.Brand);
        var s = profile.PriceSensitivity;
        return s > 0 ? affinity * (1 - s + s * catalog.Cheapness(product)) : affinity;
    }

    private static void FillWithBestSellers(
        List<Recommendation> result, int count, ShopperProfile profile, PersonalizationModel model, bool onlyAvailable)
    {
        var taken = result.Select(r => r.Product.Id).ToHashSet();
        foreach (var productId in model.BestSellers)
        {
            if (result.Count >= count)
            {
                return;
            }

            if (!taken.Contains(productId)
                && model.Catalog.Find(productId) is { } product
                && IsEligible(product, profile, onlyAvailable))
            {
                result.Add(new Recommendation(product, 0, BestSellerReason, IsBestSeller: true));
                taken.Add(productId);
            }
        }
    }
}
