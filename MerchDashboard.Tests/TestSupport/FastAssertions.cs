namespace MerchDashboard.Tests.TestSupport;

/// <summary>
/// Assertions for loops over thousands of generated cases. Shouldly's <c>ShouldAllBe</c> and <c>ShouldContain(predicate)</c>
/// take an expression tree and compile it on every call: in a generated-cases loop that was most of the test's time (the
/// JIT compiling one dynamic method per call; CartComposerInvariantTests went from 340 s to seconds in Release).
/// These take a delegate and name the first item that breaks the rule.
/// </summary>
public static class FastAssertions
{
    public static void ShouldAllHold<T>(this IEnumerable<T> items, Func<T, bool> rule, string message)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(rule);
        var index = 0;
        foreach (var item in items)
        {
            if (!rule(item))
            {
                throw new ShouldAssertException($"{message}: item [{index}] {item} breaks the rule");
            }
            index++;
        }
    }

    public static void ShouldHoldForSome<T>(this IEnumerable<T> items, Func<T, bool> rule, string message)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(rule);
        if (!items.Any(rule))
        {
            throw new ShouldAssertException($"{message}: no item of [{string.Join(", ", items)}] holds the rule");
        }
    }
}
