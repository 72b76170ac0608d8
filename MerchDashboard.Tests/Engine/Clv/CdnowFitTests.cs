using System.Globalization;
using MerchDashboard.Engine.Clv;

namespace MerchDashboard.Tests.Engine.Clv;

/// <summary>The CDNOW sample (Data/README.md) against the published fits of the BG/NBD paper and lifetimes' docs.</summary>
public class CdnowFitTests
{
    private static readonly Lazy<CustomerRfm[]> Customers = new(() =>
        [.. File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Engine", "Clv", "Data", "cdnow_customers_summary.csv"))
            .Skip(1)
            .Select((line, i) => line.Split(',').Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray() is var f
                ? new CustomerRfm(i + 1, (int)f[0], f[1], f[2], f[3])
                : default)]);

    [Fact]
    public void FitBgNbd_Cdnow_ReproducesPublishedParameters()
    {
        var fit = ClvFitter.FitBgNbd(Customers.Value);

        fit.Customers.ShouldBe(2357);
        fit.Parameters.R.ShouldBe(0.243, 0.001);
        fit.Parameters.Alpha.ShouldBe(4.414, 0.005);
        fit.Parameters.A.ShouldBe(0.793, 0.001);
        fit.Parameters.B.ShouldBe(2.426, 0.005);
        fit.LogLikelihood.ShouldBe(-9582.4, 0.1);
        fit.Converged.ShouldBeTrue();
    }

    [Fact]
    public void FitGammaGamma_CdnowRepeatBuyers_ReproducesPublishedParameters()
    {
        var fit = ClvFitter.FitGammaGamma(Customers.Value);

        fit.Customers.ShouldBe(946);
        fit.Parameters.P.ShouldBe(6.25, 0.01);
        fit.Parameters.Q.ShouldBe(3.74, 0.01);
        fit.Parameters.V.ShouldBe(15.44, 0.01);
    }
}
