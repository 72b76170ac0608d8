using System.CommandLine;
using MerchDashboard.Features.Storefront;

namespace MerchDashboard.Cli;

/// <summary><c>api-key create|list|revoke</c>: storefront API keys, shown once at creation.</summary>
public static class ApiKeyVerb
{
    public static Command Create()
    {
        var command = new Command("api-key", "Storefront API keys: create (the key is printed once), list, revoke.");
        var name = Verb.Option<string>("--name", "The key's name: which storefront uses it", required: true);
        var scope = Verb.Option<string>("--scope", $"Comma-separated scopes: {string.Join(", ", ApiKeyScopes.All)} (default storefront)");
        var origin = Verb.Option<string[]>("--origin", "For a publishable key: a web origin (https://shop.example) whose pages may use it; repeat for several");
        command.Subcommands.Add(Verb.Create("create", "Create a key and print it once.", [name, scope, origin, CliHost.ConnectionString, CliHost.DataFolder],
            async (context, ct) =>
            {
                var (scopes, scopeError) = ApiKeyScopes.Parse(context.Get(scope));
                if (scopeError is not null)
                {
                    throw new CliUserException($"--scope: {scopeError}");
                }
                return await WithKeysAsync(context, async keys =>
                {
                    var (created, error) = await keys.CreateAsync(context.Get(name), "command line", scopes, context.Parse.GetValue(origin) ?? [], ct);
                    if (created is null)
                    {
                        throw new CliUserException(error!);
                    }
                    var origins = created.Info.AllowedOrigins.Count == 0 ? "" : $", accepted from {string.Join(" ", created.Info.AllowedOrigins)}";
                    await context.Out.WriteLineAsync(created.Key);
                    await context.Error.WriteLineAsync($"Key '{created.Info.Name}' created with scopes {string.Join(",", created.Info.Scopes)}{origins}. This is the only time it is shown; send it in the X-Api-Key header.");
                }, ct);
            }));
        var revokeName = Verb.Option<string>("--name", "The key to revoke", required: true);
        command.Subcommands.Add(Verb.Create("revoke", "Revoke a key: requests with it are refused from now on.", [revokeName, CliHost.ConnectionString, CliHost.DataFolder],
            (context, ct) => WithKeysAsync(context, async keys =>
            {
                var error = await keys.RevokeAsync(context.Get(revokeName), ct);
                if (error is not null)
                {
                    throw new CliUserException(error);
                }
                await context.Out.WriteLineAsync($"Key '{context.Get(revokeName)}' revoked.");
            }, ct)));
        command.Subcommands.Add(Verb.Create("list", "List keys (names, prefixes, status; never the keys).", [CliHost.ConnectionString, CliHost.DataFolder],
            (context, ct) => WithKeysAsync(context, async keys =>
            {
                foreach (var key in await keys.ListAsync(ct))
                {
                    var status = key.IsActive ? "active" : $"revoked {key.RevokedAt:yyyy-MM-dd HH:mm}Z";
                    var origins = key.AllowedOrigins.Count == 0 ? "" : $" from {string.Join(" ", key.AllowedOrigins)}";
                    await context.Out.WriteLineAsync($"{key.Name}\t{key.Prefix}…\t{string.Join(",", key.Scopes)}{origins}\tcreated {key.CreatedAt:yyyy-MM-dd HH:mm}Z by {key.CreatedBy}\t{status}");
                }
            }, ct)));
        return command;
    }

    /// <summary>Runs <paramref name="action"/> on the key service of a migrated host, disposed (its connections closed) afterwards.</summary>
    private static async Task<int> WithKeysAsync(VerbContext context, Func<ApiKeyService, Task> action, CancellationToken ct)
    {
        using var host = await CliHost.BuildMigratedAsync(context, CliHost.AddApiKeys, ct);
        await action(host.Services.GetRequiredService<ApiKeyService>());
        return CommandLine.Success;
    }
}
