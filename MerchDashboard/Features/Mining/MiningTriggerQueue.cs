namespace MerchDashboard.Features.Mining;

/// <summary>
/// Runs mining triggers one after another in the background without dropping any: a trigger that arrives
/// during a run becomes one follow-up run, and further triggers meanwhile are coalesced into it (the
/// latest trigger's name is recorded). A later pipeline coordinator is meant to own this queue.
/// </summary>
internal sealed class MiningTriggerQueue
{
    private int _active;
    private string? _followUp;

    /// <summary>Starts <paramref name="run"/> now and returns true, or queues a follow-up and returns false.</summary>
    public bool Enqueue(string trigger, Func<string, Task> run)
    {
        if (Interlocked.CompareExchange(ref _active, 1, 0) != 0)
        {
            Volatile.Write(ref _followUp, trigger);
            if (Interlocked.CompareExchange(ref _active, 1, 0) != 0)
            {
                return false;
            }
            // The loop ended between the two checks: run the follow-up ourselves.
            trigger = Interlocked.Exchange(ref _followUp, null) ?? trigger;
        }
        _ = Task.Run(() => DrainAsync(trigger, run));
        return true;
    }

    private async Task DrainAsync(string trigger, Func<string, Task> run)
    {
        var next = trigger;
        while (true)
        {
            try
            {
                await run(next);
            }
            catch
            {
                // The queue must not stay marked active after a run that threw.
                Volatile.Write(ref _active, 0);
                throw;
            }
            if (Interlocked.Exchange(ref _followUp, null) is { } queued)
            {
                next = queued;
                continue;
            }
            Volatile.Write(ref _active, 0);
            if (Volatile.Read(ref _followUp) is null || Interlocked.CompareExchange(ref _active, 1, 0) != 0)
            {
                return;
            }
            next = Interlocked.Exchange(ref _followUp, null) ?? trigger;
        }
    }
}
