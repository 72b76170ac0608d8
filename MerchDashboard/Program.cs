using MerchDashboard;
using MerchDashboard.Cli;

if (CommandLine.IsVerb(args))
{
    return await CommandLine.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(CommandLine.WebArgs(args));
builder.AddMerchDashboard();

var app = builder.Build();
app.UseMerchDashboard();
await app.InitializeDatabaseAsync();
await app.RunAsync();
return 0;

/// <summary>Exposed for the ASP.NET Core test host.</summary>
public partial class Program;
