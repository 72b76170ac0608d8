using System.CommandLine;

namespace MerchDashboard.Cli;

/// <summary>Bad input from the command line or a file: shown as a message, exit code 2.</summary>
public sealed class CliUserException(string message) : Exception(message);

/// <summary>What a verb's action gets: its parsed options and where to write.</summary>
public sealed record VerbContext(ParseResult Parse, TextWriter Out, TextWriter Error)
{
    public T Get<T>(Option<T> option) => Parse.GetValue(option)!;
}

public static class Verb
{
    /// <summary>Builds a command whose action turns user errors into exit code 2 and cancellation into 130.</summary>
    public static Command Create(string name, string description, IEnumerable<Option> options,
        Func<VerbContext, CancellationToken, Task<int>> run)
    {
        var command = new Command(name, description);
        foreach (var option in options)
        {
            command.Options.Add(option);
        }
        command.SetAction(async (parse, ct) =>
        {
            var context = new VerbContext(parse, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            try
            {
                return await run(context, ct);
            }
            catch (CliUserException ex)
            {
                await context.Error.WriteLineAsync($"error: {ex.Message}");
                return CommandLine.BadInput;
            }
            catch (OperationCanceledException)
            {
                await context.Error.WriteLineAsync("cancelled");
                return CommandLine.Cancelled;
            }
        });
        return command;
    }

    public static Option<T> Option<T>(string name, string description, T? defaultValue = default, bool required = false)
    {
        var option = new Option<T>(name) { Description = description, Required = required };
        if (defaultValue is not null)
        {
            option.DefaultValueFactory = _ => defaultValue;
        }
        return option;
    }
}
