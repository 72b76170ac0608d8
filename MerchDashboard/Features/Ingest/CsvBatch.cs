using System.Text;
using MerchDashboard.Data.Import;

namespace MerchDashboard.Features.Ingest;

/// <summary>
/// Turns an API batch into the CSV file the importer reads, so a batch is validated and cleaned exactly as a file
/// is (one validator: Data/Import), and turns the importer's line-numbered problems back into per-item errors
/// named after the JSON (<c>orders[3].lines[0].unitPrice</c>). Line breaks inside a value are refused up front:
/// they are never valid in these fields, and without them CSV line n + 2 is record n.
/// </summary>
internal sealed class CsvBatch
{
    private readonly string _fileName;
    private readonly string _root;
    private readonly IReadOnlyList<string> _columns;
    private readonly IReadOnlyList<string> _jsonNames;
    private readonly StringBuilder _text = new();
    private readonly List<string> _paths = [];
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    /// <param name="fileName">The name problems carry (never shown: they are filed under JSON paths).</param>
    /// <param name="root">The JSON array the items come from (<c>orders</c>), the key of batch-wide errors.</param>
    /// <param name="columns">CSV columns with the JSON property each stands for.</param>
    public CsvBatch(string fileName, string root, IReadOnlyList<(string Column, string JsonName)> columns)
    {
        (_fileName, _root) = (fileName, root);
        _columns = [.. columns.Select(c => c.Column)];
        _jsonNames = [.. columns.Select(c => c.JsonName)];
        _text.AppendJoin(',', _columns).Append('\n');
    }

    public bool HasErrors => _errors.Count > 0;

    /// <summary>One CSV record for the item at <paramref name="path"/>, its fields in the order of the columns.</summary>
    public void Add(string path, params string?[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            var value = fields[i] ?? "";
            if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
            {
                Error($"{path}.{_jsonNames[i]}", "must not contain a line break");
            }
            if (i > 0)
            {
                _text.Append(',');
            }
            _text.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }
        _text.Append('\n');
        _paths.Add(path);
    }

    public void Error(string key, string message)
    {
        if (!_errors.TryGetValue(key, out var messages))
        {
            _errors[key] = messages = [];
        }
        messages.Add(message);
    }

    public ImportSource ToSource() => ImportSource.FromText(_fileName, _text.ToString());

    /// <summary>Files the importer's problems under the items they concern.</summary>
    public void AddProblems(IEnumerable<ImportProblem> problems, int moreProblems)
    {
        foreach (var problem in problems)
        {
            var index = problem.Line - 2;
            if (index < 0 || index >= _paths.Count)
            {
                Error(_root, problem.Message);
                continue;
            }
            var column = _columns.ToList().IndexOf(problem.Field);
            Error(column < 0 ? _paths[(int)index] : $"{_paths[(int)index]}.{_jsonNames[column]}", problem.Message);
        }
        if (moreProblems > 0)
        {
            Error(_root, $"{moreProblems:N0} more problems were found and not listed.");
        }
    }

    public Dictionary<string, string[]> Errors() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
