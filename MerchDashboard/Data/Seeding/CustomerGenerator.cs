using Bogus;
using MerchDashboard.Data.Entities;

namespace MerchDashboard.Data.Seeding;

/// <summary>
/// A shopper's hidden buying behaviour, in the spirit of BG/NBD: while "alive" they buy at their own
/// rate (gamma-distributed across shoppers), and after each purchase drop out with their own probability
/// (beta-distributed). Personalization arms buy more often and drop out less.
/// </summary>
internal sealed record ShopperProfile(SeedCustomer Customer, double RatePerDay, double Dropout, string FavoriteDepartment)
{
    public bool CrossSell => Customer.Arm is ExperimentArm.CrossSell or ExperimentArm.Both;
    public bool Personalized => Customer.Arm is ExperimentArm.Personalization or ExperimentArm.Both;
}

internal static class CustomerGenerator
{
    public const double PersonalizationRateFactor = 1.3;
    public const double PersonalizationDropoutFactor = 0.7;

    private static readonly double[] DepartmentWeights = [0.2, 0.1, 0.2, 0.08, 0.2, 0.14, 0.08];

    /// <summary>The experiment arm: an even split by a hash of the seed and the customer id.</summary>
    public static ExperimentArm ArmOf(int seed, string customerId) =>
        (ExperimentArm)(SeedRandom.StableHash($"{seed}:{customerId}") % 4);

    /// <summary>Customers numbered in the order of their first purchase, each with a first purchase time.</summary>
    public static IReadOnlyList<(ShopperProfile Profile, DateTime FirstOrder)> Generate(Random rng, SeedSettings settings)
    {
        var firsts = Enumerable.Range(0, settings.Customers).Select(_ => PurchaseTimeline.FirstPurchase(rng, settings)).Order().ToList();
        var faker = new Faker("en") { Random = new Randomizer(settings.Seed) };
        var emails = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<(ShopperProfile, DateTime)>(settings.Customers);
        for (var i = 0; i < firsts.Count; i++)
        {
            var id = $"C{i + 1:000000}";
            var first = faker.Name.FirstName();
            var last = faker.Name.LastName();
            var email = UniqueEmail(faker.Internet.Email(first, last, "example.com").ToLowerInvariant(), emails);
            var arm = ArmOf(settings.Seed, id);
            var registered = rng.Chance(0.6)
                ? firsts[i].AddSeconds(-rng.Next(120, 1800))
                : firsts[i].AddDays(-rng.Next(1, 60)).AddSeconds(-rng.Next(86_400));
            var customer = new SeedCustomer(id, $"{first} {last}", email, faker.Address.City(), arm, registered);
            var personalized = arm is ExperimentArm.Personalization or ExperimentArm.Both;
            var rate = rng.Gamma(0.8, 1 / 90.0) * (personalized ? PersonalizationRateFactor : 1);
            var dropout = rng.Beta(1.6, 4.5) * (personalized ? PersonalizationDropoutFactor : 1);
            var department = CatalogBlueprint.Departments[rng.PickWeighted(DepartmentWeights)].Code;
            result.Add((new ShopperProfile(customer, rate, dropout, department), firsts[i]));
        }
        return result;
    }

    private static string UniqueEmail(string email, HashSet<string> taken)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        var candidate = email;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            candidate = $"{email[..at]}{n}{email[at..]}";
        }
        return candidate;
    }
}
