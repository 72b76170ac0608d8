using MerchDashboard.Engine.Personalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace MerchDashboard.Features.Preview;

public sealed partial class EvaluationPage : IDisposable
{
    private sealed record Row(string Name, string Description, RecommenderEvaluation Evaluation);

    private static readonly Dictionary<string, (string Name, string Description)> Names = new()
    {
        [OfflineEvaluator.FrequentlyBoughtWith] = ("Frequently bought with", "Mined lists of the items in the customer's previous order"),
        [OfflineEvaluator.Personalized] = ("Personalized", "Recommended for you, from the customer's earlier orders"),
        [OfflineEvaluator.BestSellerBaseline] = ("Best sellers (baseline)", "The same list for everyone"),
    };

    [Inject] private OfflineEvaluationRunner Runner { get; set; } = default!;

    private EvaluationStatus _status = EvaluationStatus.Idle;

    private static IEnumerable<int> Ks => EvaluationOptions.Default.Ks;

    protected override void OnInitialized()
    {
        _status = Runner.Status;
        Runner.Changed += OnChanged;
    }

    private Task StartAsync()
    {
        _ = Runner.StartAsync();
        _status = Runner.Status;
        return Task.CompletedTask;
    }

    private static Severity VerdictSeverity(EvaluationReport report) => EvaluationVerdict.Outcome(report, OfflineEvaluationRunner.VerdictK) switch
    {
        VerdictOutcome.ClearWin => Severity.Success,
        VerdictOutcome.NoBetter => Severity.Warning,
        _ => Severity.Info,
    };

    private static IEnumerable<Row> Rows(EvaluationReport report) =>
        report.Recommenders.Select(r => Names.TryGetValue(r.Recommender, out var n) ? new Row(n.Name, n.Description, r) : new Row(r.Recommender, "", r));

    private void OnChanged(EvaluationStatus status) => _ = InvokeAsync(() =>
    {
        _status = status;
        StateHasChanged();
    });

    public void Dispose() => Runner.Changed -= OnChanged;
}
