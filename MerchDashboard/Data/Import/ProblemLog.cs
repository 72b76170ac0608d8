namespace MerchDashboard.Data.Import;

/// <summary>Collects problems up to a limit, so a bad file yields a useful report rather than a wall of text.</summary>
public sealed class ProblemLog(int limit = 100)
{
    private readonly List<ImportProblem> _problems = [];

    public IReadOnlyList<ImportProblem> Problems => _problems;
    public bool Any => _problems.Count > 0;
    public bool Truncated { get; private set; }

    /// <summary>Problems found past the limit (reading stops soon after the limit, so there may be more still).</summary>
    public int Dropped { get; private set; }
    public bool Full => _problems.Count >= limit;

    public void Add(ImportProblem problem)
    {
        if (_problems.Count < limit)
        {
            _problems.Add(problem);
        }
        else
        {
            Truncated = true;
            Dropped++;
        }
    }

    public void Add(string file, long line, string field, string message) => Add(new ImportProblem(file, line, field, message));
}
