using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace MerchDashboard.Features.Pipeline;

/// <summary>The mining policy (N orders or T minutes), the orders waiting and the next scheduled run, live from the coordinator.</summary>
public partial class MiningPolicyPanel
{
    [Inject] private PipelineCoordinator Coordinator { get; set; } = default!;
    [Inject] private PipelineQueries Queries { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = default!;

    private PipelineStatus _status = PipelineStatus.NotYetChecked;
    private int _mineAfterOrders;
    private int _mineEveryMinutes;
    private IReadOnlyList<string> _reasons = [];

    protected override async Task OnInitializedAsync()
    {
        var state = await Queries.ReadStateAsync();
        _status = Coordinator.Status.CheckedAt == DateTime.MinValue ? new PipelineStatus(state, null, DateTime.MinValue) : Coordinator.Status;
        (_mineAfterOrders, _mineEveryMinutes) = (state.Policy.MineAfterOrders, state.Policy.MineEveryMinutes);
        Coordinator.Checked += OnChecked;
    }

    private async Task SaveAsync()
    {
        var user = (await Auth).User.Identity?.Name ?? "";
        _reasons = await Queries.SavePolicyAsync(new MiningPolicy(_mineAfterOrders, _mineEveryMinutes), user);
        if (_reasons.Count == 0)
        {
            Snackbar.Add("Mining policy saved; every instance follows it from its next check.", Severity.Success);
        }
    }

    private void OnChecked(PipelineStatus status)
    {
        var before = _status;
        _status = status;
        if (before.State.OrdersWaiting != status.State.OrdersWaiting || before.NextScheduledRun != status.NextScheduledRun)
        {
            _ = InvokeAsync(StateHasChanged);
        }
    }

    public void Dispose() => Coordinator.Checked -= OnChecked;
}
