using System.CommandLine;
using System.ComponentModel.DataAnnotations;
using MerchDashboard.Data.Import;
using MerchDashboard.Data.Import.Cleaning;

namespace MerchDashboard.Cli;

/// <summary>
/// The orders-file options shared by <c>rules</c>, <c>itemsets</c> and <c>clv</c>: the file is read by the same
/// reader and cleaned by the same <see cref="OrderCleaner"/> as the Data page and <c>import</c>, with the
/// <c>Import</c> configuration section (appsettings.json, environment) the web app uses.
/// </summary>
internal sealed class OrderFileInput
{
    public Option<string> Format { get; } = Verb.Option("--format", "Layout of --orders: generic, online-retail, shopify or auto (recognised from the header)", "auto");
    public Option<string> DecimalSeparator { get; } = Verb.Option("--decimal-separator", "Decimal separator of the file's numbers: dot or comma (default: Import:DecimalSeparator, dot)", "auto");
    public Option<bool> NoCleaning { get; } = Verb.Option("--no-cleaning", "Read the orders raw, as R's arules does: cancellations, non-positive quantities and prices skipped, nothing netted, fee lines and large orders kept, SKUs case-sensitive", false);

    public IEnumerable<Option> All => [Format, DecimalSeparator, NoCleaning];

    public static OrderLayout? ParseLayout(string format) => format switch
    {
        "auto" => null,
        _ when OrderLayouts.ByName.TryGetValue(format, out var layout) => layout,
        _ => throw new CliUserException($"--format '{Excerpt.Of(format)}' is not generic, online-retail, shopify or auto"),
    };

    public static DecimalSeparator? ParseSeparator(string text) =>
        ImportOptions.TryParseSeparator(text, out var separator) ? separator
            : throw new CliUserException($"--decimal-separator '{Excerpt.Of(text)}' is not dot or comma");

    /// <summary>The <c>Import</c> section of appsettings.json and the environment (Import__...), validated as at start-up.</summary>
    public static ImportOptions ConfiguredOptions()
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(CliHost.ContentRoot ?? Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var options = new ImportOptions();
        configuration.GetSection(ImportOptions.Section).Bind(options);
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            throw new CliUserException("the Import configuration is invalid: " + string.Join("; ", results.Select(r => r.ErrorMessage)));
        }
        return options;
    }

    /// <summary>Reads and (unless --no-cleaning) cleans the orders file; the cleaning report goes to standard error.</summary>
    public CleanedOrders Load(VerbContext context, string path, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            throw new CliUserException($"file '{Excerpt.Of(path)}' does not exist");
        }
        var options = ConfiguredOptions().WithSeparator(ParseSeparator(context.Get(DecimalSeparator)));
        var log = new ProblemLog(20);
        var tally = new CleaningTally(options.ReportExamples);
        var progress = new ConsoleProgress<ImportProgress>(context.Error, p => $"reading: {p.Fraction:P0}");
        var file = OrderFile.Read(ImportSource.FromFile(path), ParseLayout(context.Get(Format)), options, log, tally, progress, ct);
        progress.Done();
        if (file is null)
        {
            var more = log.Truncated ? Environment.NewLine + "(further problems not shown)" : "";
            throw new CliUserException(string.Join(Environment.NewLine, log.Problems) + more);
        }
        var cleaned = context.Get(NoCleaning) ? RawOrders.Of(file, tally) : new OrderCleaner(options).Clean(file.Rows, file.ZeroPriceIsNoise, tally);
        context.Error.WriteLine($"read {file.Rows.Count + tally.Count(ParsedRow.ZeroQuantity):N0} rows ({OrderLayouts.Name(file.Layout)} layout) into {cleaned.Orders.Count:N0} orders"
            + (context.Get(NoCleaning) ? " without cleaning" : ""));
        foreach (var kind in tally.Kinds)
        {
            context.Error.WriteLine($"  {kind.Name}: {kind.Count:N0}{(kind.Amount != 0 ? $" (amount {OrderCleaner.Money(kind.Amount)})" : "")}"
                + (kind.First.Count > 0 ? $"; first on line {string.Join(", ", kind.First.Select(e => e.Line))}" : ""));
        }
        return cleaned;
    }
}
