using MathNet.Numerics.Distributions;

namespace MerchDashboard.Engine.Clv;

/// <summary>
/// Draws customers from the generative processes of both models: λ ~ Gamma(r, rate α), p ~ Beta(a, b);
/// purchases follow a Poisson process of rate λ and after each repeat purchase the customer drops out with
/// probability p. Each amount is Gamma(shape p_gg, rate ν) with ν ~ Gamma(q, rate v). Observation lengths T are
/// uniform in [minT, maxT] periods. Deterministic for a given seed.
/// </summary>
public static class ClvSimulator
{
    /// <summary>Purchase times in periods since the first purchase (the first at 0) and their amounts.</summary>
    public sealed record SimulatedCustomer(int CustomerKey, double T, double[] Times, double[] Amounts);

    public static IReadOnlyList<SimulatedCustomer> Simulate(BgNbdParameters bgNbd, GammaGammaParameters gammaGamma,
        int customers, double minT, double maxT, int seed)
    {
        var random = new Random(seed);
        var result = new SimulatedCustomer[customers];
        for (var c = 0; c < customers; c++)
        {
            var t = minT + (maxT - minT) * random.NextDouble();
            var lambda = Gamma.Sample(random, bgNbd.R, bgNbd.Alpha);
            var dropout = Beta.Sample(random, bgNbd.A, bgNbd.B);
            var nu = Gamma.Sample(random, gammaGamma.Q, gammaGamma.V);
            var times = new List<double> { 0 };
            var now = 0.0;
            while (true)
            {
                now += Exponential.Sample(random, lambda);
                if (now > t)
                {
                    break;
                }
                times.Add(now);
                if (random.NextDouble() < dropout)
                {
                    break;
                }
            }
            var amounts = times.Select(_ => Gamma.Sample(random, gammaGamma.P, nu)).ToArray();
            result[c] = new SimulatedCustomer(c, t, [.. times], amounts);
        }
        return result;
    }

    /// <summary>The exact continuous-time summary of a simulated customer.</summary>
    public static CustomerRfm ToRfm(SimulatedCustomer c) => new(
        c.CustomerKey, c.Times.Length - 1, c.Times[^1], c.T,
        c.Times.Length == 1 ? 0 : c.Amounts.Skip(1).Average());

    /// <summary>Dated transactions: a customer observed for T periods up to <paramref name="calibrationEnd"/> starts T periods before it.</summary>
    public static IEnumerable<ClvTransaction> ToTransactions(SimulatedCustomer c, DateOnly calibrationEnd, ClvPeriod period)
    {
        var start = calibrationEnd.AddDays(-(int)Math.Floor(period.Days * c.T));
        for (var i = 0; i < c.Times.Length; i++)
        {
            yield return new ClvTransaction(c.CustomerKey, start.AddDays((int)Math.Floor(period.Days * c.Times[i])), Math.Round(c.Amounts[i], 2));
        }
    }
}
