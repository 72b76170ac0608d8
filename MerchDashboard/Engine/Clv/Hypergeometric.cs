namespace MerchDashboard.Engine.Clv;

/// <summary>
/// The Gaussian hypergeometric function 2F1(a, b; c; z) = Σₙ (a)ₙ (b)ₙ / (c)ₙ zⁿ / n!, summed term by term
/// for |z| &lt; 1 (MathNet.Numerics has no 2F1). Each term is the previous one times
/// (a + n)(b + n) z / ((c + n)(n + 1)); the sum stops once a term no longer changes it in double precision.
/// </summary>
public static class Hypergeometric
{
    private const int MaxTerms = 1_000_000;

    public static double F21(double a, double b, double c, double z)
    {
        if (Math.Abs(z) >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(z), z, "the series converges only for |z| < 1");
        }
        var term = 1.0;
        var sum = 1.0;
        for (var n = 0; n < MaxTerms; n++)
        {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            var next = sum + term;
            if (next == sum && n > 0 && Math.Abs(term) <= 1e-17 * Math.Abs(sum))
            {
                return next;
            }
            sum = next;
            if (term == 0)
            {
                return sum;
            }
        }
        return sum;
    }
}
