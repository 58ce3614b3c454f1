using System;
using System.Collections.Immutable;
using WelfareRules.Legal;
using WelfareRules.Reports;

namespace WelfareRules.Evaluation;

/// <summary>Collects the explanation of one evaluation. Absent (null) when explanation is off, so no text is built.</summary>
internal sealed class Explainer
{
    private readonly ImmutableArray<ExplanationStep>.Builder steps = ImmutableArray.CreateBuilder<ExplanationStep>();

    internal void Add(string english, string vietnamese, params ReadOnlySpan<Citation> basis) =>
        steps.Add(new ExplanationStep(english, vietnamese, ImmutableArray.Create(basis)));

    internal ImmutableArray<ExplanationStep> ToImmutable() => steps.ToImmutable();
}
