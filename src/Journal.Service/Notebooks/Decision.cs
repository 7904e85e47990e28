namespace Journal.Notebooks;

/// <summary>What a command decided: the events to append, or a refusal and none.</summary>
public sealed record Decision(Refusal? Refusal, IReadOnlyList<object> Events)
{
    public static Decision Refuse(Refusal refusal) => new(refusal, []);
    public static Decision Accept(params object[] events) => new(null, events);

    public T The<T>() => Events.OfType<T>().Single();
}
