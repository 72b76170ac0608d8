using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace MerchDashboard.Engine.Clv;

/// <summary>
/// The outcome of a minimization: the point, the objective there, and whether it converged inside the bounds
/// (false when the optimizer gave up or a parameter sits on its bound, i.e. the data cannot pin it down).
/// </summary>
public sealed record MinimizerOutcome(double[] Point, double Value, int Iterations, bool Converged);

/// <summary>
/// Minimizes a smooth objective with analytic gradient by MathNet's box-constrained BFGS. Parameters are
/// optimized in log space within ±<see cref="Bound"/> (e^±20: 2·10⁻⁹ to 5·10⁸), so every point is valid and a
/// likelihood that keeps rising towards infinity (too few repeat buyers) stops at the bound instead of overflowing.
/// A point where the objective is not finite reports +∞ so the line search backs off. If BFGS gives up,
/// Nelder-Mead polishes from its best point.
/// </summary>
internal static class LogSpaceMinimizer
{
    public const double Bound = 20;

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
            var bounds = Vector<double>.Build.Dense(start.Length, Bound);
            var result = new BfgsBMinimizer(1e-9, 1e-12, 1e-14, 2000).FindMinimum(objective, -bounds, bounds, Vector<double>.Build.DenseOfArray(start));
            var point = result.MinimizingPoint.ToArray();
            return new MinimizerOutcome(point, result.FunctionInfoAtMinimum.Value, result.Iterations, point.All(t => Math.Abs(t) < Bound - 1e-6));
        }
        catch (Exception ex) when (ex is MaximumIterationsException or InnerOptimizationException or EvaluationException)
        {
            try
            {
                var simplex = NelderMeadSimplex.Minimum(
                    ObjectiveFunction.Value(v => v.All(t => Math.Abs(t) <= Bound) ? Evaluate(function, v.ToArray()) : double.PositiveInfinity),
                    Vector<double>.Build.DenseOfArray(best.Point), 1e-12, 5000);
                return new MinimizerOutcome(simplex.MinimizingPoint.ToArray(), simplex.FunctionInfoAtMinimum.Value, simplex.Iterations, false);
            }
            catch (MaximumIterationsException)
            {
                return new MinimizerOutcome(best.Point, best.Value, 5000, false);
            }
        }
    }

    private static double Evaluate(ValueAndGradient function, double[] theta)
    {
        var value = function(theta, new double[theta.Length]);
        return double.IsFinite(value) ? value : double.PositiveInfinity;
    }
}
