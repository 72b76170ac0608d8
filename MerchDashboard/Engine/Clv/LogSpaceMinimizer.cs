using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace MerchDashboard.Engine.Clv;

/// <summary>The outcome of a minimization: the point, the objective there, and whether BFGS met its tolerance.</summary>
public sealed record MinimizerOutcome(double[] Point, double Value, int Iterations, bool Converged);

/// <summary>
/// Minimizes a smooth objective with analytic gradient by MathNet's BFGS. Parameters are optimized in log
/// space, so every point is valid; a point where the objective is not finite (exp overflow on a wild line-search
/// step) reports +∞ so the line search backs off. If BFGS gives up, Nelder-Mead polishes from its best point.
/// </summary>
internal static class LogSpaceMinimizer
{
    public delegate double ValueAndGradient(ReadOnlySpan<double> theta, Span<double> gradient);

    public static MinimizerOutcome Minimize(ValueAndGradient function, double[] start)
    {
        var best = (Point: start, Value: double.PositiveInfinity);
        var objective = ObjectiveFunction.Gradient(v =>
        {
            var theta = v.ToArray();
            var gradient = new double[theta.Length];
            var value = function(theta, gradient);
            if (!double.IsFinite(value) || gradient.Any(g => !double.IsFinite(g)))
            {
                return (double.PositiveInfinity, Vector<double>.Build.Dense(theta.Length));
            }
            if (value < best.Value)
            {
                best = (theta, value);
            }
            return (value, Vector<double>.Build.DenseOfArray(gradient));
        });
        try
        {
            var result = new BfgsMinimizer(1e-9, 1e-12, 1e-14, 2000).FindMinimum(objective, Vector<double>.Build.DenseOfArray(start));
            return new MinimizerOutcome(result.MinimizingPoint.ToArray(), result.FunctionInfoAtMinimum.Value, result.Iterations, true);
        }
        catch (Exception ex) when (ex is MaximumIterationsException or InnerOptimizationException or EvaluationException)
        {
            var simplex = NelderMeadSimplex.Minimum(
                ObjectiveFunction.Value(v => Evaluate(function, v.ToArray())), Vector<double>.Build.DenseOfArray(best.Point), 1e-12, 5000);
            return new MinimizerOutcome(simplex.MinimizingPoint.ToArray(), simplex.FunctionInfoAtMinimum.Value, simplex.Iterations, false);
        }
    }

    private static double Evaluate(ValueAndGradient function, double[] theta)
    {
        var value = function(theta, new double[theta.Length]);
        return double.IsFinite(value) ? value : double.PositiveInfinity;
    }
}
