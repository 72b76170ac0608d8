using System.Globalization;

namespace MerchDashboard.Engine.Mining;

/// <summary>
/// How a product id becomes the miner's item label and back, the same wherever the store's orders are
/// mined: zero-padded to ten digits (<see cref="int.MaxValue"/> has ten), so labels sort ordinally in id
/// order and ties between equally ranked candidates break by id at any catalog size.
/// </summary>
public static class ProductIdLabel
{
    public const int Digits = 10;

    public static string Of(int productId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(productId);
        return productId.ToString("D10", CultureInfo.InvariantCulture);
    }

    /// <summary>Writes the label into <paramref name="destination"/> (at least <see cref="Digits"/> long) without allocating.</summary>
    public static ReadOnlySpan<char> Format(int productId, Span<char> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(productId);
        productId.TryFormat(destination, out var written, "D10", CultureInfo.InvariantCulture);
        return destination[..written];
    }

    public static int Parse(string label) => int.Parse(label, NumberStyles.None, CultureInfo.InvariantCulture);
}
