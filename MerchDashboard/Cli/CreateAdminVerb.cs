using System.CommandLine;
using MerchDashboard.Features.Account;

namespace MerchDashboard.Cli;

/// <summary><c>create-admin</c>: the first administrator, from options or prompted.</summary>
public static class CreateAdminVerb
{
    public static Command Create()
    {
        var user = Verb.Option<string?>("--user", "User name (prompted when omitted)");
        var password = Verb.Option<string?>("--password", "Password (prompted when omitted; at least 10 characters with a digit, upper and lower case)");
        var displayName = Verb.Option<string?>("--display-name", "Display name (default: the user name)");
        return Verb.Create("create-admin", "Create the first administrator of an empty user database.",
            [user, password, displayName, CliHost.ConnectionString, CliHost.DataFolder],
            async (context, ct) =>
            {
                var name = context.Get(user) ?? Prompt(context, "User name: ", secret: false);
                var secret = context.Get(password) ?? Prompt(context, "Password: ", secret: true);
                using var host = await CliHost.BuildMigratedAsync(context, services => services.AddMerchIdentityStores(), ct);
                await host.Services.GetRequiredService<AccountInitializer>().InitializeAsync(demoStoreLoaded: false);
                var result = await host.Services.GetRequiredService<AccountCommands>()
                    .CreateFirstAdminAsync(name, context.Get(displayName) ?? name, secret);
                if (!result.Succeeded)
                {
                    throw new CliUserException(result.Error!);
                }
                await context.Out.WriteLineAsync($"Administrator '{result.User!.UserName}' created. Sign in at /login.");
                return CommandLine.Success;
            });
    }

    private static string Prompt(VerbContext context, string label, bool secret)
    {
        if (Console.IsInputRedirected)
        {
            var line = Console.In.ReadLine();
            return line ?? throw new CliUserException($"{label.TrimEnd(':', ' ')} is required (give it as an option)");
        }
        context.Error.Write(label);
        if (!secret)
        {
            return Console.ReadLine() ?? "";
        }
        var chars = new List<char>();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && chars.Count > 0)
            {
                chars.RemoveAt(chars.Count - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                chars.Add(key.KeyChar);
            }
        }
        context.Error.WriteLine();
        return new string([.. chars]);
    }
}
