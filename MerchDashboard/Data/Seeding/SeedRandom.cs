namespace MerchDashboard.Data.Seeding;

/// <summary>Small sampling helpers over a seeded <see cref="Random"/>, so every draw is reproducible.</summary>
internal static class SeedRandom
{
    public static bool Chance(this Random rng, double probability) => rng.NextDouble() < probability;

    public static T Pick<T>(this Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    /// <summary>An index drawn with probability proportional to its weight.</summary>
    public static int PickWeighted(this Random rng, IReadOnlyList<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }
        var target = rng.NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            target -= weights[i];
            if (target < 0)
            {
                return i;
            }
        }
        return weights.Count - 1;
    }

    /// <summary>An item whose position follows <paramref name="quality"/> (0 = first, 1 = last), with a little noise.</summary>
    public static T Tiered<T>(this Random rng, IReadOnlyList<T> items, double quality)
    {
        var index = (int)Math.Round(quality * (items.Count - 1) + (rng.NextDouble() - 0.5) * 1.4);
        return items[Math.Clamp(index, 0, items.Count - 1)];
    }

    public static double Exponential(this Random rng, double rate) => -Math.Log(1 - rng.NextDouble()) / rate;

    /// <summary>A gamma variate (Marsaglia and Tsang 2000), boosted for shapes below 1.</summary>
    public static double Gamma(this Random rng, double shape, double scale)
    {
        if (shape < 1)
        {
            return rng.Gamma(shape + 1, scale) * Math.Pow(rng.NextDouble(), 1 / shape);
        }
        var d = shape - 1.0 / 3;
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = rng.Normal();
                v = 1 + c * x;
            }
            while (v <= 0);
            v = v * v * v;
            var u = rng.NextDouble();
            if (Math.Log(u) < 0.5 * x * x + d - d * v + d * Math.Log(v))
            {
                return d * v * scale;
            }
        }
    }

    public static double Beta(this Random rng, double a, double b)
    {
        var x = rng.Gamma(a, 1);
        return x / (x + rng.Gamma(b, 1));
    }

    public static double Normal(this Random rng)
    {
        var u1 = 1 - rng.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * rng.NextDouble());
    }

    /// <summary>Shuffles in place (Fisher-Yates).</summary>
    public static void Shuffle<T>(this Random rng, IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>A stable hash (FNV-1a), unlike <see cref="string.GetHashCode()"/> which changes per process.</summary>
    public static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return hash;
    }
}
