namespace WelfareRules.Evaluation;

/// <summary>How to evaluate.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record EvaluationOptions
{
    /// <summary>Explanation on, provisional law allowed.</summary>
    public static EvaluationOptions Default { get; } = new();

    /// <summary>Refuse provisional law: a result that would depend on it throws <see cref="EvaluationException"/> instead.</summary>
    public bool Strict { get; init; }

    /// <summary>Build the step-by-step explanation (on by default; off is faster).</summary>
    public bool Explain { get; init; } = true;
}
