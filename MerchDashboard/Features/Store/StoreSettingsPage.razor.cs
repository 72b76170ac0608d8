using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace MerchDashboard.Features.Store;

public partial class StoreSettingsPage
{
    private const decimal ExampleAmount = 1234.5m;

    [Inject] private StoreSettings Settings { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = default!;

    private string _currency = "";
    private string _culture = "";
    private IReadOnlyList<string> _reasons = [];
    private bool _saving;

    protected override void OnInitialized() => (_currency, _culture) = (Settings.Locale.Currency, Settings.Locale.Culture);

    /// <summary>An amount and a date as they will be shown, or null while the typed locale is not usable.</summary>
    private string? Example
    {
        get
        {
            var locale = new StoreLocale((_currency ?? "").Trim().ToUpperInvariant(), (_culture ?? "").Trim());
            if (locale.Validate().Count > 0)
            {
                return null;
            }
            var culture = locale.CreateCulture();
            return string.Create(culture, $"{ExampleAmount:C2} on {new DateTime(2026, 11, 30).ToString("d", culture)}");
        }
    }

    private async Task SaveAsync()
    {
        _saving = true;
        try
        {
            var user = (await Auth).User.Identity?.Name ?? "";
            _reasons = await Settings.SaveLocaleAsync(new StoreLocale(_currency ?? "", _culture ?? ""), user);
            if (_reasons.Count == 0)
            {
                Snackbar.Add($"Saved: amounts are now in {Settings.Locale.Currency}.", Severity.Success);
                // The culture of a circuit is fixed when it starts: reload so this page and the next ones use the new one.
                Navigation.NavigateTo(Navigation.Uri, forceLoad: true);
            }
        }
        finally
        {
            _saving = false;
        }
    }
}
