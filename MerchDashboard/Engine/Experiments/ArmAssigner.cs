using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using MerchDashboard.Engine.Metrics;

namespace MerchDashboard.Engine.Experiments;

/// <summary>
/// Deterministic assignment of a shopper to an arm, identical on every instance, process and call: h = the first
/// 8 bytes (big-endian) of SHA-256 over the UTF-8 text "{experimentId}:{shopperId}"; u = (h >> 11) / 2⁵³, uniform
/// in [0, 1); the arm is the first whose cumulative share (in the order given) exceeds 100·u. A new experiment id
/// reshuffles everyone, so an earlier experiment's arms do not carry over.
/// </summary>
public static class ArmAssigner
{
    public static Arm Assign(int experimentId, string shopperId, IReadOnlyList<ArmShare> shares)
    {
        ArgumentNullException.ThrowIfNull(shopperId);
        ArgumentNullException.ThrowIfNull(shares);
        if (shares.Count == 0)
        {
            throw new ArgumentException("An experiment has at least one arm.", nameof(shares));
        }
        var position = 100.0 * UnitInterval(experimentId, shopperId);
        var cumulative = 0;
        foreach (var share in shares)
        {
            cumulative += share.Percent;
            if (position < cumulative)
            {
                return share.Arm;
            }
        }
        return shares[^1].Arm;
    }

    /// <summary>The shopper's uniform draw in [0, 1) for the experiment.</summary>
    public static double UnitInterval(int experimentId, string shopperId)
    {
        var text = $"{experimentId.ToString(System.Globalization.CultureInfo.InvariantCulture)}:{shopperId}";
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), digest);
        var h = BinaryPrimitives.ReadUInt64BigEndian(digest);
        return (h >> 11) * (1.0 / (1UL << 53));
    }
}
