using System;
using System.Collections.Immutable;
using WelfareRules.Legal;
using WelfareRules.Reports;

namespace WelfareRules.Evaluation;

/// <summary>Collects the explanation of one evaluation. Absent (null) when explanation is off, so no text is built.</summary>
internal sealed class Explainer
{
    private readonly ImmutableArray<ExplanationStep>.Builder steps = ImmutableArray.CreateBuilder<ExplanationStep>();

    /// <summary>Adds a step; a citation given twice is kept once, where it first appears.</summary>
    internal void Add(string english, string vietnamese, params ReadOnlySpan<Citation> basis)
    {
        var distinct = ImmutableArray.CreateBuilder<Citation>(basis.Length);
        foreach (var citation in basis)
        {
            if (!distinct.Contains(citation))
            {
                distinct.Add(citation);
            }
        }

        steps.Add(new ExplanationStep(english, vietnamese, distinct.DrainToImmutable()));
    }

    /// <summary>Adds a step already made.</summary>
    internal void Add(ExplanationStep step) => steps.Add(step);

    /// <summary>The step that <see cref="Add(string, string, ReadOnlySpan{Citation})"/> adds, made on its own (to be shared).</summary>
    internal static ExplanationStep Step(string english, string vietnamese, params ReadOnlySpan<Citation> basis)
    {
        var one = new Explainer();
        one.Add(english, vietnamese, basis);
        return one.steps[0];
    }

    internal ImmutableArray<ExplanationStep> ToImmutable() => steps.ToImmutable();
}
