using System;

namespace WelfareRules.Evaluation;

/// <summary>Why a situation could not be evaluated.</summary>
public enum EvaluationError
{
    /// <summary>The benefit month is outside the law encoded (e.g. before ND 20/2021 applied).</summary>
    LawNotEncoded = 0,

    /// <summary>No instrument applies to the jurisdiction.</summary>
    UnknownJurisdiction = 1,

    /// <summary>The result would rest on law of a weaker grade than the evaluation admits (<see cref="EvaluationOptions.Admit"/>).</summary>
    ProvisionalLaw = 2,

    /// <summary>The facts contradict themselves (e.g. a death before the birth, a person not yet born in the month).</summary>
    InconsistentFacts = 3,

    /// <summary>An amount does not fit in 64 bits of đồng (law values far out of proportion).</summary>
    Overflow = 4,

    /// <summary>Strict evaluation met a month beyond the law's horizon (<see cref="Law.RuleSet.Horizon"/>).</summary>
    BeyondHorizon = 5,
}

/// <summary>A situation could not be evaluated on the rule set given.</summary>
public sealed class EvaluationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">Why evaluation failed.</param>
    /// <param name="message">A message saying what and why.</param>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="error"/> is not a defined error.</exception>
    public EvaluationException(EvaluationError error, string message)
        : base(Preconditions.CheckNotNull(message, nameof(message))) => Error = Preconditions.CheckDefined(error, nameof(error));

    /// <summary>Why evaluation failed.</summary>
    public EvaluationError Error { get; }
}
