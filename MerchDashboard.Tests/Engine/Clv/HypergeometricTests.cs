using MerchDashboard.Engine.Clv;

namespace MerchDashboard.Tests.Engine.Clv;

public class HypergeometricTests
{
    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.95)]
    [InlineData(-0.7)]
    public void F21_KnownClosedForms_Agree(double z)
    {
        Hypergeometric.F21(1, 1, 2, z).ShouldBe(-Math.Log(1 - z) / z, 1e-12);
        Hypergeometric.F21(2.5, 0.7, 0.7, z).ShouldBe(Math.Pow(1 - z, -2.5), 1e-10);
        var s = Math.Sqrt(Math.Abs(z));
        Hypergeometric.F21(0.5, 0.5, 1.5, s * s).ShouldBe(Math.Asin(s) / s, 1e-12);
    }

    [Fact]
    public void F21_OutsideUnitDisc_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Hypergeometric.F21(1, 1, 2, 1));
    }
}
