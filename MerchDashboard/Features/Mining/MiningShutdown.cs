namespace MerchDashboard.Features.Mining;

/// <summary>Stops a background mining run while the host's services still exist (hosted services stop before disposal).</summary>
internal sealed class MiningShutdown(MiningJob job) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => job.StopAsync(cancellationToken);
}
