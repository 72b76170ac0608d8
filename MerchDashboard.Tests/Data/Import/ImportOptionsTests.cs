using System.ComponentModel.DataAnnotations;
using MerchDashboard.Data.Import;

namespace MerchDashboard.Tests.Data.Import;

public class ImportOptionsTests
{
    [Fact]
    public void Validate_Defaults_AreValid()
    {
        Errors(new ImportOptions()).ShouldBeEmpty();
    }

    [Fact]
    public void Validate_PatternNeedingBacktracking_IsNamedAtStartUp()
    {
        var errors = Errors(new ImportOptions { NonProductPatterns = [@"^(\w)\1$"] });

        errors.ShouldContain(e => e.StartsWith(@"Import:NonProductPatterns: '^(\w)\1$' is not a valid regular expression", StringComparison.Ordinal),
            "a back-reference cannot be matched in linear time, and every pattern is");
    }

    [Fact]
    public void Validate_BadPatternAndEmptyCode_AreNamed()
    {
        var errors = Errors(new ImportOptions { NonProductPatterns = ["(unclosed"], NonProductCodes = ["POST", " "] });

        errors.ShouldContain(e => e.StartsWith("Import:NonProductPatterns: '(unclosed' is not a valid regular expression", StringComparison.Ordinal));
        errors.ShouldContain("Import:NonProductCodes holds an empty code");
    }

    [Fact]
    public void Validate_LengthsBeyondTheColumnsAndATinyOrderLimit_AreNamed()
    {
        var errors = Errors(new ImportOptions { MaxSkuLength = 65, MaxMiningOrderLines = 1 });

        errors.ShouldContain(e => e.Contains(nameof(ImportOptions.MaxSkuLength), StringComparison.Ordinal));
        errors.ShouldContain(e => e.Contains(nameof(ImportOptions.MaxMiningOrderLines), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("comma", DecimalSeparator.Comma)]
    [InlineData(",", DecimalSeparator.Comma)]
    [InlineData("Dot", DecimalSeparator.Dot)]
    [InlineData("auto", null)]
    public void TryParseSeparator_KnownNames_AreRead(string text, DecimalSeparator? expected)
    {
        ImportOptions.TryParseSeparator(text, out var separator).ShouldBeTrue();
        separator.ShouldBe(expected);
    }

    [Fact]
    public void TryParseSeparator_Unknown_IsRefused()
    {
        ImportOptions.TryParseSeparator("semicolon", out _).ShouldBeFalse();
    }

    private static List<string> Errors(ImportOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage ?? "")];
    }
}
