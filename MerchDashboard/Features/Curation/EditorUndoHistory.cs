
namespace MerchDashboard.Features.Curation;

/// <summary>
/// Undo and redo of one editor session's changes, any number of steps: each saved change is remembered as
/// the states before and after it; undo restores the state before (a new audited change), redo the state after.
/// A new change clears what could be redone. The depth is bounded by <see cref="MaxSteps"/> (oldest dropped).
/// </summary>
public sealed class EditorUndoHistory
{
    public const int MaxSteps = 100;

    public sealed record Step(ListState Before, ListState After, string Summary);

    private readonly LinkedList<Step> _undo = new();
    private readonly Stack<Step> _redo = new();

    public Step? NextUndo => _undo.Last?.Value;
    public Step? NextRedo => _redo.Count > 0 ? _redo.Peek() : null;

    public void Record(ListState before, ListState after, string summary)
    {
        _undo.AddLast(new Step(before, after, summary));
        if (_undo.Count > MaxSteps)
        {
            _undo.RemoveFirst();
        }
        _redo.Clear();
    }

    /// <summary>Call once the undo of <see cref="NextUndo"/> is saved.</summary>
    public void Undone()
    {
        var step = _undo.Last!.Value;
        _undo.RemoveLast();
        _redo.Push(step);
    }

    /// <summary>Call once the redo of <see cref="NextRedo"/> is saved.</summary>
    public void Redone() => _undo.AddLast(_redo.Pop());
}
