using MerchDashboard.Data;
using MerchDashboard.Data.Entities;
using MerchDashboard.Engine.Mining;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace MerchDashboard.Features.Mining;

public partial class MiningPage
{
    [Inject] private MiningJob Job { get; set; } = default!;
    [Inject] private Pipeline.IPipelineSignals Coordinator { get; set; } = default!;
    [Inject] private MiningSettingsStore Settings { get; set; } = default!;
    [Inject] private IDbContextFactory<AppDbContext> DbFactory { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = default!;

    private sealed class EditableSettings
    {
        public double MinConfidence { get; set; }
        public double MinLift { get; set; }
        public int MaxLength { get; set; }
        public int ListSize { get; set; }
    }

    private MiningStatus _status = MiningStatus.Idle;
    private List<MiningRun> _runs = [];
    private readonly EditableSettings _settings = new();
    private int? _minCount;
    private double? _minSupport;
    private IReadOnlyList<string> _reasons = [];

    protected override async Task OnInitializedAsync()
    {
        _status = Job.Status;
        Job.StatusChanged += OnStatusChanged;
        var saved = await Settings.GetAsync();
        (_minCount, _minSupport) = (saved.MinCount, saved.MinSupport);
        (_settings.MinConfidence, _settings.MinLift, _settings.MaxLength, _settings.ListSize) = (saved.MinConfidence, saved.MinLift, saved.MaxLength, saved.ListSize);
        await LoadRunsAsync();
    }

    private async Task LoadRunsAsync()
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        _runs = await db.MiningRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(10).ToListAsync();
    }

    private void Start()
    {
        if (Job.Status.Running)
        {
            Snackbar.Add("A mining run is in progress; another run will follow it.", Severity.Info);
        }
        Coordinator.MineNow("admin page");
    }

    private async Task SaveAsync()
    {
        var settings = new MiningSettings
        {
            MinCount = _minCount, MinSupport = _minSupport, MinConfidence = _settings.MinConfidence, MinLift = _settings.MinLift,
            MaxLength = _settings.MaxLength, ListSize = _settings.ListSize,
        };
        var user = (await Auth).User.Identity?.Name ?? "";
        _reasons = await Settings.SaveAsync(settings, user);
        if (_reasons.Count == 0)
        {
            Snackbar.Add("Settings saved; they apply from the next run.", Severity.Success);
        }
    }

    private void OnStatusChanged(MiningStatus status) => _ = InvokeAsync(async () =>
    {
        var finished = _status.Running && !status.Running;
        _status = status;
        if (finished)
        {
            await LoadRunsAsync();
        }
        StateHasChanged();
    });

    public void Dispose() => Job.StatusChanged -= OnStatusChanged;
}
