using System.Text;
using Bunit;
using MerchDashboard.Features.Account;
using MerchDashboard.Features.Data;
using MerchDashboard.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using static MerchDashboard.Tests.Data.Import.OrderLayoutImportTests;

namespace MerchDashboard.Tests.Features.Data;

public class OrdersImportPanelTests : MudBunitContext
{
    private sealed class TextFile(string name, string text) : IUploadedFile
    {
        private readonly byte[] _bytes = Encoding.UTF8.GetBytes(text);
        public string Name => name;
        public long Size => _bytes.Length;
        public Stream OpenReadStream(long maxAllowedSize, CancellationToken ct) => new MemoryStream(_bytes);
    }

    private sealed class RecordedSignals : MerchDashboard.Features.Pipeline.IPipelineSignals
    {
        public List<string> Written { get; } = [];
        public void DataWritten(string writer) => Written.Add(writer);
        public void MineNow(string trigger) => throw new InvalidOperationException("the import panel never mines itself");
    }

    private readonly RecordedSignals _signals = new();

    private async Task<(IRenderedComponent<OrdersImportPanel> Panel, SqliteTestDatabase Database)> RenderAsync()
    {
        var database = await SqliteTestDatabase.CreateAsync();
        Services.AddSingleton(database.CreateImporter());
        Services.AddSingleton<MerchDashboard.Features.Pipeline.IPipelineSignals>(_signals);
        this.AddAuthorization().SetAuthorized("admin").SetPolicies(Policies.Administer);
        RenderMudProviders();
        return (Render<OrdersImportPanel>(), database);
    }

    [Fact]
    public async Task ChooseAsync_OnlineRetailFile_ShowsTheLayoutAndTheRowsAsTheyWillBeRead()
    {
        var (panel, database) = await RenderAsync();
        await using var _ = database;

        await panel.InvokeAsync(() => panel.Instance.ChooseAsync(FileRole.Orders, new TextFile("retail.csv", OnlineRetail)));

        panel.Find("[data-testid=detected-layout]").TextContent.ShouldBe("Layout: online-retail");
        var rows = panel.FindAll("[data-testid=preview-table] tbody tr");
        rows.Count.ShouldBe(7);
        rows[0].TextContent.ShouldContain("17850");
        rows[0].TextContent.ShouldContain("2010-12-01 08:26");
        rows[3].TextContent.ShouldContain("left out: a fee, postage or adjustment line", Case.Sensitive, "C536379 is a cancelled Discount line");
        rows[4].TextContent.ShouldContain("skipped: quantity zero");
        rows[5].TextContent.ShouldContain("left out: a fee, postage or adjustment line", Case.Sensitive, "B, Adjust bad debt");
    }

    [Fact]
    public async Task Import_InvalidRow_ShowsTheProblemWithFileLineAndField()
    {
        var (panel, database) = await RenderAsync();
        await using var _ = database;
        var bad = OnlineRetail.Replace("WHITE METAL LANTERN,6,", "WHITE METAL LANTERN,six,");
        await panel.InvokeAsync(() => panel.Instance.ChooseAsync(FileRole.Orders, new TextFile("retail.csv", bad)));

        await panel.Find("[data-testid=import-button]").ClickAsync(new());

        panel.WaitForElement("[data-testid=import-problems]", TimeSpan.FromSeconds(10));
        panel.Find("[data-testid=import-summary]").TextContent.ShouldContain("Nothing was imported: 1 problem(s) found.");
        panel.Find("[data-testid=import-problems] tbody tr").TextContent.ShouldBe("retail.csv3Quantity'six' is not a whole number");
        _signals.Written.ShouldBeEmpty("nothing was written, so the pipeline has nothing to do");
    }

    [Fact]
    public async Task Import_ValidFile_TellsThePipelineOnce()
    {
        var (panel, database) = await RenderAsync();
        await using var _ = database;
        await panel.InvokeAsync(() => panel.Instance.ChooseAsync(FileRole.Orders, new TextFile("retail.csv", OnlineRetail)));

        await panel.Find("[data-testid=import-button]").ClickAsync(new());

        panel.WaitForAssertion(() => _signals.Written.ShouldBe(["web import"]), TimeSpan.FromSeconds(10));
    }
}
