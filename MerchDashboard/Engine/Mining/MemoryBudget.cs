namespace MerchDashboard.Engine.Mining;

/// <summary>
/// The bytes a mining run may hold in its own structures: the encoded baskets and their TID index, the
/// search's scratch arrays, the itemsets found (each counted twice: once in its worker's block, once in the
/// assembled arrays), the rules and the bundle index. Callers reserve before they allocate; a reservation
/// that would pass <see cref="LimitBytes"/> is refused and marks the budget <see cref="Exceeded"/>, so the
/// miner stops instead of allocating. Thread-safe; workers reserve in chunks to keep the hot loop cheap.
/// </summary>
public sealed class MemoryBudget
{
    /// <summary>The default for a 2-4 GB host: mining structures under half a gigabyte.</summary>
    public const int DefaultMegabytes = 512;
    public const int MinMegabytes = 16;
    public const int MaxMegabytes = 1 << 20;
    private const long BytesPerMegabyte = 1 << 20;

    private long _used;
    private long _peak;
    private int _exceeded;

    public MemoryBudget(long limitBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limitBytes);
        LimitBytes = limitBytes;
    }

    public static MemoryBudget FromMegabytes(int megabytes) => new(megabytes * BytesPerMegabyte);

    /// <summary>No limit, still counting: for tests and measurements.</summary>
    public static MemoryBudget Unlimited() => new(long.MaxValue);

    public long LimitBytes { get; }

    public int LimitMegabytes => (int)Math.Min(int.MaxValue, LimitBytes / BytesPerMegabyte);

    public long UsedBytes => Interlocked.Read(ref _used);

    /// <summary>The most bytes held at once since creation or the last <see cref="ResetExceeded"/>.</summary>
    public long PeakBytes => Interlocked.Read(ref _peak);

    /// <summary>Whether a reservation was refused since creation or the last <see cref="ResetExceeded"/>.</summary>
    public bool Exceeded => Volatile.Read(ref _exceeded) != 0;

    public bool TryReserve(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        var used = Interlocked.Add(ref _used, bytes);
        if (used > LimitBytes || used < 0)
        {
            Interlocked.Add(ref _used, -bytes);
            Volatile.Write(ref _exceeded, 1);
            return false;
        }
        long peak;
        while (used > (peak = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, used, peak) != peak)
        {
        }
        return true;
    }

    public void Release(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        Interlocked.Add(ref _used, -bytes);
    }

    /// <summary>Clears the exceeded mark before a retry at other settings.</summary>
    public void ResetExceeded() => Volatile.Write(ref _exceeded, 0);
}
