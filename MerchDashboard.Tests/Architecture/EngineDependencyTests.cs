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
    public void Engine_HasTypesToCheck()
    {
        Types.InAssembly(typeof(Program).Assembly).That().ResideInNamespace("MerchDashboard.Engine")
            .GetTypes().ShouldNotBeEmpty("the architecture rule must check something");
    }
}
