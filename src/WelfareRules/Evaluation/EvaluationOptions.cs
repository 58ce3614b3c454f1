using WelfareRules.Legal;

namespace WelfareRules.Evaluation;

/// <summary>How to evaluate.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record EvaluationOptions
{
    /// <summary>Explanation on, law of every grade admitted.</summary>
    public static EvaluationOptions Default { get; } = new();

    /// <summary>
    /// The weakest provenance grade a result may rest on (by default <see cref="ProvisionStatus.Provisional"/>: all
    /// law). A result that would rest on weaker law throws <see cref="EvaluationException"/> with
    /// <see cref="EvaluationError.ProvisionalLaw"/> instead. <see cref="ProvisionStatus.Reported"/> admits verified
    /// and reported law; <see cref="ProvisionStatus.Verified"/> only law whose text was seen.
    /// </summary>
    /// <exception cref="System.ArgumentOutOfRangeException">The value is not a defined grade.</exception>
    public ProvisionStatus Admit { get; init => field = Preconditions.CheckDefined(value, nameof(Admit)); } = ProvisionStatus.Provisional;

    /// <summary>
    /// Strict evaluation: admit only verified law (<see cref="Admit"/> = <see cref="ProvisionStatus.Verified"/>).
    /// Setting it false admits every grade again.
    /// </summary>
    public bool Strict
    {
        get => Admit == ProvisionStatus.Verified;
        init => Admit = value ? ProvisionStatus.Verified : ProvisionStatus.Provisional;
    }

    /// <summary>Build the step-by-step explanation (on by default; off is faster).</summary>
    public bool Explain { get; init; } = true;
}
