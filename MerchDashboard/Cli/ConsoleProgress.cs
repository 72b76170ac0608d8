namespace MerchDashboard.Cli;

/// <summary>A single progress line on stderr, rewritten in place, at most a few times a second.</summary>
public sealed class ConsoleProgress<T>(TextWriter writer, Func<T, string> format) : IProgress<T>
{
    private readonly object _lock = new();
    private long _lastTicks;
    private int _lastLength;

    public void Report(T value)
    {
        lock (_lock)
        {
            var now = Environment.TickCount64;
            if (now - _lastTicks < 200)
            {
                return;
            }
            _lastTicks = now;
            var text = format(value);
            writer.Write("\r" + text.PadRight(_lastLength));
            _lastLength = text.Length;
        }
    }

    public void Done()
    {
        lock (_lock)
        {
            if (_lastLength > 0)
            {
                writer.Write("\r" + new string(' ', _lastLength) + "\r");
                _lastLength = 0;
            }
        }
    }
}
