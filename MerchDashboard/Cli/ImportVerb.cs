using System.CommandLine;
using MerchDashboard.Data.Import;
using MerchDashboard.Data.Import.Cleaning;

namespace MerchDashboard.Cli;

/// <summary><c>import</c>: load a store folder or single files into the configured database, all or nothing.</summary>
public static class ImportVerb
{
    public static Command Create()
    {
        var folder = Verb.Option<string?>("--folder", "A store folder laid out as seed-data/ (categories.csv, products.csv, customers.csv, orders.csv, ...)");
        var orders = Verb.Option<string?>("--orders", "An orders CSV: generic (order_id,customer_id,ordered_at,sku,quantity,unit_price), online-retail (UCI Online Retail) or a Shopify orders export");
        var orderFile = new OrderFileInput();
        var products = Verb.Option<string?>("--products", "A products CSV; with it, order lines must name known SKUs");
        var categories = Verb.Option<string?>("--categories", "A categories CSV");
        var customers = Verb.Option<string?>("--customers", "A customers CSV");
        return Verb.Create("import", "Import orders (and optionally a catalog) into the configured database, all or nothing.",
            [folder, orders, orderFile.Format, orderFile.DecimalSeparator, products, categories, customers, CliHost.ConnectionString, CliHost.DataFolder],
            async (context, ct) =>
            {
                var files = context.Get(folder) is { } dir
                    ? StoreFiles.FromFolder(RequireFolder(dir))
                    : new StoreFiles
                    {
                        Orders = Source(context.Get(orders)),
                        OrdersLayout = OrderFileInput.ParseLayout(context.Get(orderFile.Format)),
                        Products = Source(context.Get(products)),
                        Categories = Source(context.Get(categories)),
                        Customers = Source(context.Get(customers)),
                    };
                files = files with { DecimalSeparator = OrderFileInput.ParseSeparator(context.Get(orderFile.DecimalSeparator)) };
                if (!files.All().Any())
                {
                    throw new CliUserException("nothing to import: give --folder DIR or --orders FILE (with --products, --categories, --customers as needed)");
                }
                using var host = await CliHost.BuildMigratedAsync(context, null, ct);
                var progress = new ConsoleProgress<ImportProgress>(context.Error, p => $"{p.Stage}: {p.Fraction:P0}");
                var report = await host.Services.GetRequiredService<StoreImporter>().ImportAsync(files, progress, ct);
                progress.Done();
                if (!report.Succeeded)
                {
                    foreach (var problem in report.Problems)
                    {
                        await context.Error.WriteLineAsync(problem.ToString());
                    }
                    await context.Error.WriteLineAsync(report.Summary);
                    return CommandLine.BadInput;
                }
                if (report.Layout is { } layout)
                {
                    await context.Out.WriteLineAsync($"Orders read as the {OrderLayouts.Name(layout)} layout.");
                }
                await context.Out.WriteLineAsync(report.Summary);
                foreach (var note in report.Notes)
                {
                    await context.Out.WriteLineAsync(note);
                }
                foreach (var kind in report.Cleaning)
                {
                    await context.Out.WriteLineAsync(ImportReportText.Line(kind));
                    foreach (var example in kind.First)
                    {
                        await context.Out.WriteLineAsync($"    line {example.Line}: {example.Text}");
                    }
                }
                return CommandLine.Success;
            });
    }

    private static string RequireFolder(string dir) =>
        Directory.Exists(dir) ? dir : throw new CliUserException($"folder '{dir}' does not exist");

    private static ImportSource? Source(string? path) => path switch
    {
        null => null,
        _ when File.Exists(path) => ImportSource.FromFile(path),
        _ => throw new CliUserException($"file '{path}' does not exist"),
    };
}
