using System.Globalization;
using MerchDashboard.Engine.Experiments;
using MerchDashboard.Engine.Metrics;

namespace MerchDashboard.Tests.Engine.Experiments;

public sealed class ArmAssignerTests
{
    private static readonly ArmShare[] FourWays = [new(Arm.Control, 25), new(Arm.CrossSell, 25), new(Arm.Personalization, 25), new(Arm.Both, 25)];

    [Fact]
    public void Assign_SameExperimentAndShopper_SameArmOnEveryCall()
    {
        for (var i = 0; i < 1_000; i++)
        {
            var shopper = $"C{i}";
            var first = ArmAssigner.Assign(7, shopper, FourWays);
            ArmAssigner.Assign(7, shopper, FourWays).ShouldBe(first);
            ArmAssigner.Assign(7, new string(shopper.ToCharArray()), [.. FourWays]).ShouldBe(first);
        }
    }

    [Fact]
    public void UnitInterval_KnownShopper_IsTheSha256PrefixOfTheDocumentedText()
    {
        // SHA-256("3:C42") starts with the 8 bytes read big-endian below; the draw is their top 53 bits / 2^53.
        var digest = System.Security.Cryptography.SHA256.HashData("3:C42"u8);
        var expected = (System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(digest) >> 11) / 9007199254740992.0;

        ArmAssigner.UnitInterval(3, "C42").ShouldBe(expected);
    }

    public static TheoryData<string> Layouts() => new() { "control=25,cross-sell=25,personalization=25,both=25", "control=10,both=90", "control=50,cross-sell=17,personalization=33" };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Assign_100000Ids_EachArmWithinOnePointOfItsShare(string layout)
    {
        var (shares, error) = ArmShares.Parse(layout);
        error.ShouldBeNull();
        const int Shoppers = 100_000;
        var counts = new Dictionary<Arm, int>();
        for (var i = 0; i < Shoppers; i++)
        {
            var arm = ArmAssigner.Assign(12, i % 2 == 0 ? $"C{i}" : $"v-{Guid.NewGuid()}", shares);
            counts[arm] = counts.GetValueOrDefault(arm) + 1;
        }

        counts.Keys.ShouldBeSubsetOf(shares.Select(s => s.Arm));
        foreach (var share in shares)
        {
            (100.0 * counts.GetValueOrDefault(share.Arm) / Shoppers).ShouldBe(share.Percent, 1.0, $"{share.Arm} in {layout}");
        }
    }

    [Fact]
    public void Assign_AnotherExperiment_ReshufflesShoppersIndependently()
    {
        var same = Enumerable.Range(0, 20_000).Count(i =>
            ArmAssigner.Assign(1, i.ToString(CultureInfo.InvariantCulture), FourWays) == ArmAssigner.Assign(2, i.ToString(CultureInfo.InvariantCulture), FourWays));

        // Independent draws agree on a quarter of shoppers with four equal arms.
        (same / 20_000.0).ShouldBe(0.25, 0.015);
    }
}
