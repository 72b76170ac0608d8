using MerchDashboard.Data.Import;
using MerchDashboard.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Features.Data;

public enum FileRole
{
    Orders,
    Products,
    Categories,
}

/// <summary>Upload, preview and import of an orders file (with an optional catalog); administrators only.</summary>
public sealed partial class OrdersImportPanel : IDisposable
{
    private sealed record Chosen(string Name, string Path);

    [Inject] private StoreImporter Importer { get; set; } = default!;
    [Inject] private MerchDashboard.Features.Pipeline.IPipelineSignals Pipeline { get; set; } = default!;
    [Inject] private IOptions<ImportOptions> ImportOptions { get; set; } = default!;
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = default!;

    /// <summary>Raised after a successful import (the mining job starts from the importer's event).</summary>
    [Parameter] public EventCallback<ImportReport> OnImported { get; set; }

    private readonly UploadFolder _uploads = new();
    private readonly Dictionary<FileRole, Chosen?> _files = new() { [FileRole.Orders] = null, [FileRole.Products] = null, [FileRole.Categories] = null };
    private CancellationTokenSource? _cts;
    private string _format = "auto";
    private string _separator = "auto";
    private string? _uploadError;
    private OrderPreview? _preview;
    private ImportProgress? _progress;
    private ImportReport? _report;
    private bool _running;

    private Task ChooseAsync(FileRole role, IBrowserFile? file) =>
        file is null ? Task.CompletedTask : ChooseAsync(role, new BrowserUploadedFile(file));

    /// <summary>Copies the chosen file to a temporary file; for orders, previews it.</summary>
    public async Task ChooseAsync(FileRole role, IUploadedFile file)
    {
        _report = null;
        var (path, error) = await _uploads.SaveAsync(file, CancellationToken.None);
        _uploadError = error;
        _files[role] = path is null ? null : new Chosen(file.Name, path);
        if (role == FileRole.Orders)
        {
            RefreshPreview();
        }
        StateHasChanged();
    }

    private Task ChangeFormatAsync(string format)
    {
        _format = format;
        RefreshPreview();
        return Task.CompletedTask;
    }

    private Task ChangeSeparatorAsync(string separator)
    {
        _separator = separator;
        RefreshPreview();
        return Task.CompletedTask;
    }

    private OrderLayout? Layout => OrderLayouts.ByName.TryGetValue(_format, out var layout) ? layout : null;

    private DecimalSeparator? Separator =>
        MerchDashboard.Data.Import.ImportOptions.TryParseSeparator(_separator, out var separator) ? separator : null;

    private void RefreshPreview() =>
        _preview = _files[FileRole.Orders] is { } orders
            ? OrderPreview.Read(Source(orders), Layout, options: ImportOptions.Value.WithSeparator(Separator))
            : null;

    private static ImportSource Source(Chosen chosen) => new(chosen.Name, () => File.OpenRead(chosen.Path));

    private async Task ImportAsync()
    {
        var user = (await Auth).User;
        if (!(await Authorization.AuthorizeAsync(user, Policies.Administer)).Succeeded || _files[FileRole.Orders] is not { } orders)
        {
            return;
        }
        _running = true;
        _report = null;
        _cts = new CancellationTokenSource();
        var files = new StoreFiles
        {
            Orders = Source(orders),
            OrdersLayout = Layout,
            DecimalSeparator = Separator,
            Products = _files[FileRole.Products] is { } p ? Source(p) : null,
            Categories = _files[FileRole.Categories] is { } c ? Source(c) : null,
        };
        var progress = new Progress<ImportProgress>(p =>
        {
            _progress = p;
            _ = InvokeAsync(StateHasChanged);
        });
        try
        {
            _report = await Task.Run(() => Importer.ImportAsync(files, progress, _cts.Token));
            if (_report.Succeeded)
            {
                Pipeline.DataWritten("web import");
                await OnImported.InvokeAsync(_report);
            }
        }
        catch (OperationCanceledException)
        {
            _uploadError = "The import was cancelled; nothing was written.";
        }
        finally
        {
            _running = false;
            _progress = null;
        }
    }

    private void Cancel() => _cts?.Cancel();

    public void Dispose()
    {
        _cts?.Cancel();
        _cts?.Dispose();
        _uploads.Dispose();
    }
}
