using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MerchDashboard.Data.Import;
using MerchDashboard.Engine.Mining;

namespace MerchDashboard.Cli;

/// <summary>
/// The <c>rules</c> and <c>itemsets</c> output formats of PRODUCT.md. Numbers are invariant-culture,
/// shortest round-trip ("R"); an infinite conviction is <c>Infinity</c> in CSV and the string
/// <c>"Infinity"</c> in JSON (which System.Text.Json reads back with AllowNamedFloatingPointLiterals).
/// Rows come in the order of <see cref="RuleGenerator"/> and <see cref="FrequentItemsets"/>; the engine's items are
/// written as the SKUs of <see cref="LabelledBaskets"/>.
/// </summary>
public static class MiningOutput
{
    public const string RulesHeader = "antecedent,consequent,count,support,confidence,lift,leverage,conviction";
    public const string ItemsetsHeader = "items,size,count,support";
    private const int FlushBytes = 1 << 20;

    public static void WriteRulesCsv(TextWriter writer, LabelledBaskets labels, FrequentItemsets itemsets, IReadOnlyList<AssociationRule> rules)
    {
        writer.Write(RulesHeader + "\n");
        var antecedent = new int[Math.Max(1, itemsets.MaxLength)];
        var line = new StringBuilder();
        foreach (var rule in rules)
        {
            var s = rule.Statistics;
            line.Clear()
                .Append(Csv(JoinLabels(labels, antecedent.AsSpan(0, rule.Antecedent(itemsets, antecedent))))).Append(',')
                .Append(Csv(labels.Label(rule.Consequent(itemsets)))).Append(',')
                .Append(s.Count.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(Number(s.Support)).Append(',').Append(Number(s.Confidence)).Append(',')
                .Append(Number(s.Lift)).Append(',').Append(Number(s.Leverage)).Append(',')
                .Append(Number(s.Conviction)).Append('\n');
            writer.Write(line);
        }
    }

    public static void WriteItemsetsCsv(TextWriter writer, LabelledBaskets labels, FrequentItemsets itemsets)
    {
        writer.Write(ItemsetsHeader + "\n");
        var line = new StringBuilder();
        for (var set = 0; set < itemsets.Count; set++)
        {
            line.Clear()
                .Append(Csv(JoinLabels(labels, itemsets.Items(set)))).Append(',')
                .Append(itemsets.Size(set).ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(itemsets.SupportCount(set).ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(Number(itemsets.Support(set))).Append('\n');
            writer.Write(line);
        }
    }

    public static void WriteRulesJson(TextWriter writer, LabelledBaskets labels, FrequentItemsets itemsets, IReadOnlyList<AssociationRule> rules, MiningSettings settings)
    {
        var antecedent = new int[Math.Max(1, itemsets.MaxLength)];
        WriteJson(writer, itemsets, settings, "rules", rules.Count, (json, i) =>
        {
            var rule = rules[i];
            var s = rule.Statistics;
            json.WriteStartObject();
            json.WriteStartArray("antecedent");
            foreach (var item in antecedent.AsSpan(0, rule.Antecedent(itemsets, antecedent)))
            {
                json.WriteStringValue(labels.Label(item));
            }
            json.WriteEndArray();
            json.WriteString("consequent", labels.Label(rule.Consequent(itemsets)));
            json.WriteNumber("count", s.Count);
            json.WriteNumber("support", s.Support);
            json.WriteNumber("confidence", s.Confidence);
            json.WriteNumber("lift", s.Lift);
            json.WriteNumber("leverage", s.Leverage);
            if (double.IsPositiveInfinity(s.Conviction))
            {
                json.WriteString("conviction", "Infinity");
            }
            else
            {
                json.WriteNumber("conviction", s.Conviction);
            }
            json.WriteEndObject();
        });
    }

    public static void WriteItemsetsJson(TextWriter writer, LabelledBaskets labels, FrequentItemsets itemsets, MiningSettings settings) =>
        WriteJson(writer, itemsets, settings, "itemsets", itemsets.Count, (json, set) =>
        {
            json.WriteStartObject();
            json.WriteStartArray("items");
            foreach (var item in itemsets.Items(set))
            {
                json.WriteStringValue(labels.Label(item));
            }
            json.WriteEndArray();
            json.WriteNumber("size", itemsets.Size(set));
            json.WriteNumber("count", itemsets.SupportCount(set));
            json.WriteNumber("support", itemsets.Support(set));
            json.WriteEndObject();
        });

    private static void WriteJson(TextWriter writer, FrequentItemsets itemsets, MiningSettings settings, string arrayName, int count, Action<Utf8JsonWriter, int> writeElement)
    {
        var buffer = new ArrayBufferWriter<byte>(FlushBytes * 2);
        using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteNumber("basketCount", itemsets.BasketCount);
        json.WriteNumber("itemCount", itemsets.Baskets.ItemCount);
        json.WriteNumber("minCount", itemsets.MinCount);
        json.WriteStartObject("settings");
        if (settings.MinSupport is { } support)
        {
            json.WriteNumber("minSupport", support);
        }
        if (settings.MinCount is { } minCount)
        {
            json.WriteNumber("minCount", minCount);
        }
        json.WriteNumber("minConfidence", settings.MinConfidence);
        json.WriteNumber("minLift", settings.MinLift);
        json.WriteNumber("maxLength", settings.MaxLength);
        json.WriteEndObject();
        json.WriteStartArray(arrayName);
        for (var i = 0; i < count; i++)
        {
            writeElement(json, i);
            if (json.BytesPending + buffer.WrittenCount > FlushBytes)
            {
                json.Flush();
                writer.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
                buffer.ResetWrittenCount();
            }
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        writer.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        writer.Write('\n');
    }

    private static string JoinLabels(LabelledBaskets labels, ReadOnlySpan<int> items)
    {
        if (items.Length == 1)
        {
            return labels.Label(items[0]);
        }
        var text = new StringBuilder();
        foreach (var item in items)
        {
            text.Append(text.Length > 0 ? "|" : "").Append(labels.Label(item));
        }
        return text.ToString();
    }

    /// <summary>RFC 4180 quoting, only when the field needs it.</summary>
    private static string Csv(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    internal static string Number(double value) =>
        double.IsPositiveInfinity(value) ? "Infinity" : value.ToString("R", CultureInfo.InvariantCulture);
}
