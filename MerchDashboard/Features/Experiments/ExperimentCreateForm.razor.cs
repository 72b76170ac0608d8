using MerchDashboard.Engine.Experiments;
using MerchDashboard.Engine.Metrics;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Features.Experiments;

public partial class ExperimentCreateForm
{
    [Inject] private ExperimentCommands Commands { get; set; } = default!;
    [Inject] private ExperimentPlanner Planner { get; set; } = default!;
    [Inject] private IOptions<ExperimentOptions> Options { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState>? Auth { get; set; }

    [Parameter] public EventCallback<ExperimentSummary> Created { get; set; }

    private readonly Dictionary<Arm, int> _shares = new() { [Arm.Control] = 25, [Arm.CrossSell] = 25, [Arm.Personalization] = 25, [Arm.Both] = 25 };
    private string _name = "";
    private string _hypothesis = "";
    private string _kpi = PrimaryKpis.Aov;
    private double _effectPercent;
    private DateTime? _start;
    private DateTime? _end;
    private SamplePlan? _plan;
    private string? _error;
    private bool _saving;

    protected override async Task OnInitializedAsync()
    {
        _effectPercent = Options.Value.DefaultMinimumEffect * 100;
        var today = Time.GetUtcNow().UtcDateTime.Date;
        (_start, _end) = (today, today.AddDays(28));
        await PlanAsync();
    }

    private async Task OnKpiChangedAsync(string kpi)
    {
        _kpi = kpi;
        await PlanAsync();
    }

    private async Task OnEffectChangedAsync(double percent)
    {
        _effectPercent = percent;
        await PlanAsync();
    }

    private async Task PlanAsync() => _plan = _effectPercent > 0 ? await Planner.PlanAsync(_kpi, _effectPercent / 100, CancellationToken.None) : null;

    private async Task CreateAsync()
    {
        _saving = true;
        try
        {
            var arms = ArmShares.Format(_shares.Where(s => s.Value > 0).Select(s => new ArmShare(s.Key, s.Value)));
            var user = Auth is null ? "" : (await Auth).User.Identity?.Name ?? "";
            var start = DateTime.SpecifyKind(_start ?? Time.GetUtcNow().UtcDateTime.Date, DateTimeKind.Utc);
            var end = DateTime.SpecifyKind(_end ?? start.AddDays(28), DateTimeKind.Utc);
            var (created, error) = await Commands.CreateAsync(new ExperimentDraft(_name ?? "", _hypothesis ?? "", arms, _kpi, _effectPercent / 100, start, end), user, CancellationToken.None);
            _error = error;
            if (created is not null)
            {
                await Created.InvokeAsync(created);
            }
        }
        finally
        {
            _saving = false;
        }
    }
}
