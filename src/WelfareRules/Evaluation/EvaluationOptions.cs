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

    /// <summary>
    /// The languages a writer of the report gives its explanation in (both by default): the JSON writer
    /// (<see cref="Serialization.ReportJson"/> through <see cref="Serialization.JsonLinesEvaluator"/>) leaves the other
    /// language's array empty, and the tool's text output shows only these. The evaluation itself is the same.
    /// </summary>
    /// <exception cref="System.ArgumentOutOfRangeException">The value is not a defined value.</exception>
    public ExplanationLanguages Languages
    {
        get;
        init => field = Preconditions.CheckDefined(value, nameof(Languages));
    } = ExplanationLanguages.Both;
}

/// <summary>The languages of a report's explanation as written (<c>--explain none|en|vi|both</c>).</summary>
[System.Flags]
public enum ExplanationLanguages
{
    /// <summary>No explanation: the explanation arrays are empty.</summary>
    None = 0,

    /// <summary>English (<c>explanation</c>).</summary>
    English = 1,

    /// <summary>Vietnamese (<c>explanationVi</c>).</summary>
    Vietnamese = 2,

    /// <summary>English and Vietnamese.</summary>
    Both = English | Vietnamese,
}
