using NetArchTest.Rules;

namespace MerchDashboard.Tests.Architecture;

public class EngineDependencyTests
{
    [Fact]
    public void Engine_DependsOnNoFrameworks()
    {
        var result = Types.InAssembly(typeof(Program).Assembly)
            .That().ResideInNamespace("MerchDashboard.Engine")
            .ShouldNot().HaveDependencyOnAny(
                "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "MudBlazor",
                "MerchDashboard.Data", "MerchDashboard.Features", "MerchDashboard.Components", "Microsoft.Extensions")
            .GetResult();

        (result.FailingTypeNames ?? []).ShouldBeEmpty();
    }

    [Fact]
    public void Engine_ReadsNoFiles()
    {
        var result = Types.InAssembly(typeof(Program).Assembly)
            .That().ResideInNamespace("MerchDashboard.Engine")
            .ShouldNot().HaveDependencyOnAny(
                "System.IO.File", "System.IO.FileStream", "System.IO.StreamReader", "System.IO.StreamWriter", "System.IO.Directory",
                "System.IO.FileInfo", "System.IO.DirectoryInfo", "System.IO.FileSystemInfo", "System.IO.FileSystemWatcher", "System.IO.RandomAccess",
                "System.IO.MemoryMappedFiles", "Microsoft.Win32.SafeHandles.SafeFileHandle", "CsvHelper")
            .GetResult();

        (result.FailingTypeNames ?? []).ShouldBeEmpty("the engine takes parsed data; readers live in Data/Import");
    }

    [Fact]
    public void FileReadingRule_CatchesATypeThatReadsFiles()
    {
        var result = Types.InAssembly(typeof(Program).Assembly)
            .That().HaveName(nameof(MerchDashboard.Data.Import.BasketFileReader))
            .ShouldNot().HaveDependencyOnAny("System.IO.File", "System.IO.FileStream")
            .GetResult();

        result.IsSuccessful.ShouldBeFalse("the rule must see a FileStream where one is used");
    }

    [Fact]
    public void FileReadingRule_CatchesATypeThatUsesCsvHelper()
    {
        var result = Types.InAssembly(typeof(Program).Assembly)
            .That().HaveName(nameof(MerchDashboard.Data.Import.CsvTable))
            .ShouldNot().HaveDependencyOnAny("CsvHelper")
            .GetResult();

        result.IsSuccessful.ShouldBeFalse("the rule must see CsvHelper where it is used");
    }

    [Fact]
    public void Engine_HasTypesToCheck()
    {
        Types.InAssembly(typeof(Program).Assembly).That().ResideInNamespace("MerchDashboard.Engine")
            .GetTypes().ShouldNotBeEmpty("the architecture rule must check something");
    }
}
