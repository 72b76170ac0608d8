namespace MerchDashboard.Engine.Mining;

/// <summary>A reusable growable int array, so hot loops append without allocating per element.</summary>
internal sealed class IntBuffer(int capacity = 64)
{
    private int[] _data = new int[Math.Max(1, capacity)];

    public int Length { get; private set; }

    public Span<int> Span => _data.AsSpan(0, Length);

    public int this[int index]
    {
        get => _data[index];
        set => _data[index] = value;
    }

    public void Add(int value)
    {
        if (Length == _data.Length)
        {
            Array.Resize(ref _data, _data.Length * 2);
        }
        _data[Length++] = value;
    }

    /// <summary>Sets the length, growing as needed; new elements are undefined.</summary>
    public void SetLength(int length)
    {
        if (length > _data.Length)
        {
            Array.Resize(ref _data, Math.Max(length, _data.Length * 2));
        }
        Length = length;
    }

    public void Clear() => Length = 0;

    public int[] ToArray() => _data[..Length];
}
