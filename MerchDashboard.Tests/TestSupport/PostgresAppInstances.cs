using System.Net;
using System.Text.RegularExpressions;

namespace MerchDashboard.Tests.TestSupport;

/// <summary>
/// Two instances of the real app (<see cref="MerchAppFactory"/>) on one fresh PostgreSQL database, as behind
/// a load balancer: A starts first (migrates, imports the demo store, mines), then B on the same data.
/// <see cref="Available"/> is false without <see cref="PostgresTestDatabase.EnvironmentVariable"/>; tests then skip.
/// </summary>
public sealed partial class PostgresAppInstances : ITwoAppInstances, IAsyncLifetime
{
    private PostgresTestDatabase? _database;

    public bool Available { get; private set; }

    /// <summary>The shared database's connection string, for the command line run beside the instances.</summary>
    public string ConnectionString => _database?.ConnectionString ?? "";
    public IReadOnlyList<string> CliDatabaseArguments => ["--connection-string", ConnectionString];
    public MerchAppFactory A { get; } = new();
    public MerchAppFactory B { get; } = new();

    public async ValueTask InitializeAsync()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresTestDatabase.EnvironmentVariable)))
        {
            return;
        }
        _database = await PostgresTestDatabase.CreateEmptyAsync();
        foreach (var app in new[] { A, B })
        {
            app.Settings["Database:Provider"] = "Postgres";
            app.Settings["Database:ConnectionString"] = _database.ConnectionString;
            _ = app.Server;
        }
        Available = true;
    }

    public void SkipUnlessAvailable() =>
        Assert.SkipUnless(Available, $"{PostgresTestDatabase.EnvironmentVariable} is not set: no PostgreSQL to run two instances on.");

    /// <summary>Signs in through the app's login form and returns the authentication cookie ("name=value").</summary>
    public static async Task<string> SignInAsync(MerchAppFactory app, string user)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var form = await client.GetStringAsync(new Uri("/login", UriKind.Relative));
        var token = AntiforgeryField().Match(form).Groups[1].Value;
        using var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = user, ["password"] = MerchAppFactory.DemoPassword, ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/");
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("merch.auth=", StringComparison.Ordinal));
        return cookie[..cookie.IndexOf(';', StringComparison.Ordinal)];
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    public async ValueTask DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
