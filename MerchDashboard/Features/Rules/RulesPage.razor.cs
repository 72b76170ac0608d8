using MerchDashboard.Features.Account;
using MerchDashboard.Features.Serving;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace MerchDashboard.Features.Rules;

public sealed partial class RulesPage
{
    [Inject] private ComplementRuleCommands Commands { get; set; } = default!;
    [Inject] private StoreSnapshotService Snapshots { get; set; } = default!;
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private IReadOnlyList<RuleRow>? _rules;
    private IReadOnlyList<(int Id, string Name)> _categories = [];
    private int? _editingId;
    private int? _confirmDelete;
    private int? _sourceCategory;
    private string? _sourceTag;
    private int? _targetCategory;
    private string _note = "";
    private string? _error;
    private string? _result;
    private RuleReach? _preview;

    protected override async Task OnInitializedAsync()
    {
        var names = Snapshots.Current.Catalog.CategoryNames;
        _categories = [.. names.Select(c => (c.Key, c.Value)).OrderBy(c => c.Value, StringComparer.CurrentCulture)];
        _rules = await Commands.ListAsync();
    }

    private static string Source(RuleRow rule) =>
        string.Join(" or ", new[] { rule.SourceCategory, rule.SourceTag is { } t ? $"tag \"{t}\"" : null }.OfType<string>());

    private void Edit(RuleRow rule)
    {
        (_editingId, _sourceCategory, _sourceTag, _targetCategory, _note) = (rule.Id, rule.SourceCategoryId, rule.SourceTag, rule.TargetCategoryId, rule.Note);
        (_error, _result, _preview) = (null, null, null);
    }

    private void Clear()
    {
        (_editingId, _sourceCategory, _sourceTag, _targetCategory, _note, _preview) = (null, null, null, null, "", null);
    }

    private void PreviewReach()
    {
        _error = ComplementRuleCommands.Validate(Input, Snapshots.Current.Catalog.CategoryNames);
        _preview = _error is null ? Commands.Reach(_sourceCategory, _sourceTag, _targetCategory!.Value) : null;
    }

    private RuleInput Input => new(_sourceCategory, _sourceTag, _targetCategory, _note);

    private async Task SaveAsync()
    {
        if (await UserIfAllowedAsync() is not { } user)
        {
            return;
        }
        var result = _editingId is { } id ? await Commands.UpdateAsync(id, Input, user) : await Commands.CreateAsync(Input, user);
        _error = result.Error;
        if (result is { Succeeded: true, Reach: { } reach })
        {
            _result = $"Saved. The rule matches {reach.MatchingProducts} products; {reach.ListsShowingTarget} of their lists now show an item of {Name(_targetCategory)}.";
            Clear();
            _rules = await Commands.ListAsync();
        }
    }

    private async Task DeleteAsync(RuleRow rule)
    {
        if (await UserIfAllowedAsync() is not { } user)
        {
            return;
        }
        _confirmDelete = null;
        var result = await Commands.DeleteAsync(rule.Id, user);
        _error = result.Error;
        _result = result.Succeeded ? $"Deleted the rule {Source(rule)} → {rule.TargetCategory}." : null;
        _rules = await Commands.ListAsync();
    }

    private async Task<string?> UserIfAllowedAsync()
    {
        var principal = (await AuthState).User;
        if (!(await Authorization.AuthorizeAsync(principal, Policies.Curate)).Succeeded)
        {
            _error = "Only merchandisers may change rules.";
            return null;
        }
        return principal.Identity?.Name ?? "unknown";
    }

    private string Name(int? categoryId) => categoryId is { } id ? Snapshots.Current.Catalog.CategoryName(id) : "";
}
