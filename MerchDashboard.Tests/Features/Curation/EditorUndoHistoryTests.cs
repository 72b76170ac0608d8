using MerchDashboard.Features.Curation;

namespace MerchDashboard.Tests.Features.Curation;

public class EditorUndoHistoryTests
{
    private static ListState WithNote(string note) => ListState.Automatic with { Note = note };

    [Fact]
    public void UndoRedo_ThreeSteps_WalkBackAndForwardInOrder()
    {
        var history = new EditorUndoHistory();
        history.Record(WithNote("0"), WithNote("1"), "one");
        history.Record(WithNote("1"), WithNote("2"), "two");
        history.Record(WithNote("2"), WithNote("3"), "three");

        var undone = new List<string>();
        while (history.NextUndo is { } step)
        {
            undone.Add(step.Before.Note);
            history.Undone();
        }
        history.NextRedo!.After.Note.ShouldBe("1");
        history.Redone();
        history.NextRedo!.After.Note.ShouldBe("2");

        undone.ShouldBe(["2", "1", "0"]);
        history.NextUndo!.Summary.ShouldBe("one");
    }

    [Fact]
    public void Record_AfterAnUndo_ClearsRedoAndKeepsAtMostMaxSteps()
    {
        var history = new EditorUndoHistory();
        for (var i = 0; i < EditorUndoHistory.MaxSteps + 5; i++)
        {
            history.Record(WithNote($"{i}"), WithNote($"{i + 1}"), $"step {i}");
        }
        history.Undone();
        history.Record(WithNote("x"), WithNote("y"), "new");

        history.NextRedo.ShouldBeNull();
        var count = 0;
        while (history.NextUndo is not null)
        {
            history.Undone();
            count++;
        }
        count.ShouldBe(EditorUndoHistory.MaxSteps);
        history.NextRedo!.Summary.ShouldBe("step 5");
    }
}
