namespace MerchDashboard.Engine.Mining;

/// <summary>
/// Generates shopping baskets for benchmarks, reproducibly from a seed: product popularity follows a
/// Zipf law (the product of popularity rank r is drawn with probability proportional to 1 / r^s), ranks
/// are shuffled over product numbers so popularity does not follow the label order, basket sizes run
/// from 1 to 10 with P(k) proportional to 0.55^(k-1) (mean about 2.2), and some planted pairs make
/// real complements: when one side is in a basket, the other joins it with probability 0.5.
/// With <see cref="BasketSizes.OnlineRetailLike"/> sizes follow the UCI Online Retail invoices instead: a
/// log-normal with median 16 and sigma 1 (mean about 26, as the real 26), rounded and held to 1..1,110 (its
/// longest invoice), so a few baskets per 10,000 run to several hundred lines.
/// </summary>
public sealed class SyntheticBasketGenerator
{
    public const int MaxBasketSize = 10;
    public const int MaxLongBasketSize = 1_110;
    private const double LongBasketLogMedian = 2.77;
    private const double LongBasketLogSigma = 1.0;
    private const double SizeDecay = 0.55;
    private const double PlantedPairProbability = 0.5;

    private readonly Random _random;
    private readonly double[] _popularityCumulative;
    private readonly double[] _sizeCumulative;
    private readonly int[] _productOfRank;
    private readonly int[] _partner;
    private readonly BasketSizes _sizes;

    public SyntheticBasketGenerator(int productCount, int seed, double zipfExponent = 1.0, int? plantedPairCount = null,
        BasketSizes sizes = BasketSizes.Typical)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(productCount, 2);
        ProductCount = productCount;
        _sizes = sizes;
        _random = new Random(seed);
        _popularityCumulative = Cumulative(productCount, r => 1 / Math.Pow(r + 1, zipfExponent));
        _sizeCumulative = Cumulative(MaxBasketSize, k => Math.Pow(SizeDecay, k));
        _productOfRank = Enumerable.Range(0, productCount).ToArray();
        _random.Shuffle(_productOfRank);
        _partner = Enumerable.Repeat(-1, productCount).ToArray();
        var planted = new List<(int, int)>();
        for (var attempt = 0; planted.Count < (plantedPairCount ?? productCount / 50) && attempt < productCount * 4; attempt++)
        {
            var (a, b) = (_random.Next(productCount), _random.Next(productCount));
            if (a != b && _partner[a] < 0 && _partner[b] < 0)
            {
                (_partner[a], _partner[b]) = (b, a);
                planted.Add((Math.Min(a, b), Math.Max(a, b)));
            }
        }
        PlantedPairs = planted;
    }

    public int ProductCount { get; }

    /// <summary>The longest basket this generator can write.</summary>
    public int LongestBasket => _sizes == BasketSizes.OnlineRetailLike ? MaxLongBasketSize : MaxBasketSize;

    /// <summary>The planted complements, as product numbers (smaller first).</summary>
    public IReadOnlyList<(int A, int B)> PlantedPairs { get; }

    /// <summary>A product's label in generated files: <c>P</c> and five or more digits.</summary>
    public static string ProductLabel(int product) => $"P{product:D5}";

    /// <summary>Writes the next basket's distinct product numbers (unsorted) and returns how many.</summary>
    public int NextBasket(Span<int> destination)
    {
        var size = Math.Min(NextSize(), destination.Length);
        var length = 0;
        for (var attempt = 0; length < size && attempt < size * 8; attempt++)
        {
            length = AddDistinct(destination, length, _productOfRank[Draw(_popularityCumulative)]);
            var partner = _partner[destination[length - 1]];
            if (partner >= 0 && length < size && _random.NextDouble() < PlantedPairProbability)
            {
                length = AddDistinct(destination, length, partner);
            }
        }
        return length;
    }

    /// <summary>Writes <paramref name="count"/> baskets in the basket-file format, one per line.</summary>
    public void WriteBasketFile(TextWriter writer, int count, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var basket = new int[LongestBasket];
        var labels = Enumerable.Range(0, ProductCount).Select(ProductLabel).ToArray();
        for (var i = 0; i < count; i++)
        {
            var length = NextBasket(basket);
            for (var j = 0; j < length; j++)
            {
                if (j > 0)
                {
                    writer.Write(',');
                }
                writer.Write(labels[basket[j]]);
            }
            writer.Write('\n');
            if ((i & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report((double)i / count);
            }
        }
        progress?.Report(1);
    }

    private int NextSize()
    {
        if (_sizes == BasketSizes.Typical)
        {
            return Draw(_sizeCumulative) + 1;
        }
        // Box-Muller: a standard normal from two uniforms.
        var normal = Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
        var size = Math.Round(Math.Exp(LongBasketLogMedian + (LongBasketLogSigma * normal)));
        return (int)Math.Clamp(size, 1, MaxLongBasketSize);
    }

    private static int AddDistinct(Span<int> basket, int length, int product)
    {
        if (basket[..length].Contains(product))
        {
            return length;
        }
        basket[length] = product;
        return length + 1;
    }

    private int Draw(double[] cumulative)
    {
        var index = Array.BinarySearch(cumulative, _random.NextDouble() * cumulative[^1]);
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }

    private static double[] Cumulative(int count, Func<int, double> weight)
    {
        var cumulative = new double[count];
        var total = 0.0;
        for (var i = 0; i < count; i++)
        {
            cumulative[i] = total += weight(i);
        }
        return cumulative;
    }
}

/// <summary>The basket-size distributions of <see cref="SyntheticBasketGenerator"/>.</summary>
public enum BasketSizes
{
    /// <summary>1 to 10 items, mean about 2.2: a typical web shop.</summary>
    Typical,

    /// <summary>Log-normal, mean about 26, up to 1,110 items: the UCI Online Retail gift wholesaler.</summary>
    OnlineRetailLike,
}
