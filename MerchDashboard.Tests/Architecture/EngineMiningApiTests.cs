using System.Reflection;
using MerchDashboard.Engine.Mining;
using MerchDashboard.Tests.Engine.Mining;

namespace MerchDashboard.Tests.Architecture;

/// <summary>The engine's mining API takes and returns integer item ids: labels (SKUs) live with the CLI's readers and writers.</summary>
public class EngineMiningApiTests
{
    /// <summary>Public members of Engine.Mining that carry text other than item labels, each with its reason.</summary>
    private static readonly HashSet<string> Messages =
    [
        $"{nameof(MiningSettings)}.{nameof(MiningSettings.Validate)}",       // why settings are invalid
        $"{nameof(MiningFallback)}.{nameof(MiningFallback.Describe)}",       // what the memory budget cost, for people
        $"{nameof(SyntheticBasketGenerator)}.{nameof(SyntheticBasketGenerator.ProductLabel)}", // the generated basket file's text, not mining input
    ];

    [Fact]
    public void MiningTypes_ExposeNoText_OnlyIntegerItems()
    {
        var mining = typeof(TransactionSet).Assembly.GetTypes()
            .Where(t => t.IsVisible && t.Namespace == typeof(TransactionSet).Namespace).ToList();

        mining.ShouldContain(typeof(MiningResult));
        mining.SelectMany(TextMembers).Where(m => !Messages.Contains(m)).ShouldBeEmpty("the engine takes and returns integer ids, never labels");
    }

    [Fact]
    public void TextRule_CatchesAResultTypeWithLabels()
    {
        TextMembers(typeof(LabelledCandidate)).ShouldContain($"{nameof(LabelledCandidate)}.{nameof(LabelledCandidate.Item)}");
        TextMembers(typeof(LabelledBundle)).ShouldContain($"{nameof(LabelledBundle)}.{nameof(LabelledBundle.Items)}");
        TextMembers(typeof(LabelledTestBaskets)).ShouldContain($"{nameof(LabelledTestBaskets)}.{nameof(LabelledTestBaskets.IdOf)}");
    }

    /// <summary>"Type.Member" for each public member whose type, result or parameter carries strings or chars.</summary>
    private static IEnumerable<string> TextMembers(Type type)
    {
        const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var member in type.GetMembers(Declared))
        {
            Type[] types = member switch
            {
                PropertyInfo p => [p.PropertyType],
                FieldInfo f => [f.FieldType],
                MethodInfo m when m.Name is nameof(ToString) or "PrintMembers" => [],
                MethodInfo m => [m.ReturnType, .. m.GetParameters().Select(p => p.ParameterType)],
                ConstructorInfo c => [.. c.GetParameters().Select(p => p.ParameterType)],
                _ => [],
            };
            if (types.Any(CarriesText))
            {
                yield return $"{type.Name}.{(member is ConstructorInfo ? "ctor" : member.Name)}";
            }
        }
    }

    private static bool CarriesText(Type type)
    {
        if (type.IsByRef || type.IsArray || type.IsPointer)
        {
            return CarriesText(type.GetElementType()!);
        }
        return type == typeof(string) || type == typeof(char) || (type.IsGenericType && type.GetGenericArguments().Any(CarriesText));
    }
}
