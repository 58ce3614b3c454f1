using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
using WelfareRules.Benefits;
using WelfareRules.Benefits.Care;
using WelfareRules.Benefits.Cremation;
using WelfareRules.Benefits.Funeral;
using WelfareRules.Benefits.Merit;
using WelfareRules.Benefits.HealthInsurance;
using WelfareRules.Benefits.SocialAllowance;
using WelfareRules.Benefits.SocialPension;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Legal;
using WelfareRules.Reports;

namespace WelfareRules.Evaluation;

/// <summary>Evaluates one person-month against a rule set: a pure function of its inputs.</summary>
internal static class Evaluator
{
    internal static Report Evaluate(RuleSet rules, Situation situation, EvaluationOptions options)
    {
        var (jurisdiction, month, person) = situation;
        if (!rules.Knows(jurisdiction))
        {
            throw new EvaluationException(EvaluationError.UnknownJurisdiction,
                string.Create(CultureInfo.InvariantCulture, $"no instrument of the rule set applies to {jurisdiction}; known: {string.Join(", ", rules.Jurisdictions.Select(j => j.Code).Order())}"));
        }

        var law = rules.ForMonth(jurisdiction, month);
        if (!law.IsCovered || law.Standard is null)
        {
            throw new EvaluationException(EvaluationError.LawNotEncoded,
                string.Create(CultureInfo.InvariantCulture, $"the law in force in {Format.Month(month)} is not encoded: the monthly social allowance is encoded from {(law.LawStart is { } start ? Format.Month(start.ToYearMonth()) : "no month")} (the earlier ND 136/2013 regime is history only)"));
        }

        CheckFacts(person, month);
        var explain = options.Explain ? new Explainer() : null;
        ExplainStandard(law, explain);

        var entitlements = new ValueList<Entitlement>();
        if (person.DeathDate is { } death && death.ToYearMonth() < month)
        {
            explain?.Add(
                $"Died on {Format.Date(death)}: monthly benefits stop from the month after the month of death",
                $"Chết ngày {Format.Date(death)}: thôi hưởng từ tháng sau tháng chết",
                LawCitations.StopMonth);
        }
        else if (InstitutionalCareCalculator.Qualifies(person, law))
        {
            // Art 25 k5: the facility's nurturing allowance replaces the monthly allowance (and community care).
            if (InstitutionalCareCalculator.Evaluate(law, person, explain) is { } institutional)
            {
                entitlements.Add(institutional);
            }
        }
        else
        {
            var allowance = SocialAllowanceCalculator.Evaluate(law, person, explain);

            // Social pension (Law 41/2024 Art 21, ND 176/2025): paid instead of the allowance when higher,
            // with any local top-up. See Benefits/SocialPension.
            SocialPensionCalculator.HigherOf(law, person, allowance, explain).AddTo(ref entitlements);
            CareSupportCalculator.Evaluate(law, person, explain).AddTo(ref entitlements);
        }

        if (person.DeathDate is not { } died || died.ToYearMonth() >= month)
        {
            // Merit allowances (Ordinance 02/2020): for each merit record, beside any social assistance. See Benefits/Merit.
            MeritCalculator.Evaluate(law, person, explain, ref entitlements);
        }

        if (FuneralSupportCalculator.Evaluate(law, person, entitlements.AsSpan(), explain) is { } funeral)
        {
            entitlements.Add(funeral);
        }

        // Cremation support (Hanoi NQ 03/2020): one-off, in the month of death. See Benefits/Cremation.
        if (CremationSupportCalculator.For(law, person, explain) is { } cremation)
        {
            entitlements.Add(cremation);
        }

        var list = entitlements.ToImmutableArray();
        var healthInsurance = HealthInsuranceCalculator.Compute(law, person, list.AsSpan(), explain);
        if (options.Admit != ProvisionStatus.Provisional)
        {
            if (month > rules.Horizon)
            {
                throw new EvaluationException(EvaluationError.BeyondHorizon, "strict mode: " + rules.HorizonWarning);
            }

            CheckAdmitted(list, healthInsurance, options.Admit);
        }

        var (warnings, warningsVi) = Warnings(law, list, healthInsurance);
        if (month > rules.Horizon)
        {
            warnings = warnings.Add(rules.HorizonWarning);
            warningsVi = warningsVi.Add(rules.HorizonWarningVi);
        }

        return new Report(jurisdiction, month, law.Standard, list, warnings, warningsVi, explain?.ToImmutable() ?? [], healthInsurance);
    }

    private static void CheckFacts(Person person, NodaTime.YearMonth month)
    {
        if (person.BirthDate.ToYearMonth() > month)
        {
            throw new EvaluationException(EvaluationError.InconsistentFacts,
                $"the person is born on {Format.Date(person.BirthDate)}, after the benefit month {Format.Month(month)}");
        }

        if (person.DeathDate is { } death && death < person.BirthDate)
        {
            throw new EvaluationException(EvaluationError.InconsistentFacts,
                $"the death date {Format.Date(death)} is before the birth date {Format.Date(person.BirthDate)}");
        }
    }

    private static void ExplainStandard(MonthLaw law, Explainer? explain)
    {
        if (explain is null)
        {
            return;
        }

        // These steps name only the law: made once a month's law (workers may make them at once, each the same).
        foreach (var step in law.StandardSteps ??= StandardSteps(law))
        {
            explain.Add(step);
        }
    }

    /// <summary>The steps of the month's standard and of every local level raised to the national one.</summary>
    private static Reports.ExplanationStep[] StandardSteps(MonthLaw law)
    {
        var explain = new Explainer();
        var standard = law.Standard!;
        if (standard.Local is null)
        {
            explain.Add(
                $"Standard (mức chuẩn trợ giúp xã hội) in {Format.Month(law.Month)}: {Format.Amount(standard.Amount)} VND, the national standard",
                $"Mức chuẩn trợ giúp xã hội tháng {Format.Month(law.Month)}: {Format.Amount(standard.Amount)} đồng (mức chuẩn quốc gia)",
                standard.Basis);
        }
        else if (standard.IsNationalFloor)
        {
            explain.Add(
                string.Create(CultureInfo.InvariantCulture, $"Standard in {Format.Month(law.Month)}: {Format.Amount(standard.Amount)} VND, the national standard, because the {law.Jurisdiction} standard ({Format.Amount(standard.Local.Amount)}) is lower and a local standard may not be lower than the national one"),
                string.Create(CultureInfo.InvariantCulture, $"Mức chuẩn tháng {Format.Month(law.Month)}: {Format.Amount(standard.Amount)} đồng theo mức chuẩn quốc gia, vì mức chuẩn của {law.Jurisdiction.VietnameseName} ({Format.Amount(standard.Local.Amount)}) thấp hơn và mức địa phương không được thấp hơn mức quốc gia"),
                standard.Basis, standard.Local.Basis, LawCitations.LocalFloor);
        }
        else
        {
            var national = standard.National is { } n ? $" (national: {Format.Amount(n.Amount)})" : "";
            var nationalVi = standard.National is { } nv ? $" (mức quốc gia: {Format.Amount(nv.Amount)})" : "";
            explain.Add(
                string.Create(CultureInfo.InvariantCulture, $"Standard in {Format.Month(law.Month)}: {Format.Amount(standard.Amount)} VND, the {law.Jurisdiction} standard, not lower than the national one{national}"),
                string.Create(CultureInfo.InvariantCulture, $"Mức chuẩn tháng {Format.Month(law.Month)}: {Format.Amount(standard.Amount)} đồng theo mức chuẩn của {law.Jurisdiction.VietnameseName}, không thấp hơn mức quốc gia{nationalVi}"),
                standard.Basis, LawCitations.LocalFloor);
        }

        foreach (var (local, national) in law.NationalFloors)
        {
            if (local.Key.Name == ParameterCatalog.Standard)
            {
                continue;
            }

            explain.Add(
                string.Create(CultureInfo.InvariantCulture, $"{local.Key} in {law.Jurisdiction}: the national level {Format.Number(national.Value)} applies, because the local level ({Format.Number(local.Value)}) is lower and a local level may not be lower than the national one"),
                string.Create(CultureInfo.InvariantCulture, $"{local.Key} tại {law.Jurisdiction.VietnameseName}: áp dụng mức quốc gia {Format.Number(national.Value)}, vì mức của địa phương ({Format.Number(local.Value)}) thấp hơn và mức địa phương không được thấp hơn mức quốc gia"),
                national.Basis, local.Basis, LawCitations.LocalFloor);
        }

        return [.. explain.ToImmutable()];
    }

    /// <summary>Refuses a result that rests on law weaker than the grade admitted, naming every such provision.</summary>
    private static void CheckAdmitted(ImmutableArray<Entitlement> entitlements, HealthInsuranceContribution? healthInsurance, ProvisionStatus admitted)
    {
        var basis = entitlements.SelectMany(e => e.Basis).Concat(healthInsurance?.Basis ?? []);
        CheckAdmitted(basis, admitted);
    }

    /// <summary>Refuses citations weaker than the grade admitted, naming every one.</summary>
    /// <exception cref="EvaluationException">A citation is weaker than <paramref name="admitted"/>.</exception>
    internal static void CheckAdmitted(IEnumerable<Citation> basis, ProvisionStatus admitted)
    {
        var refused = basis.Where(c => !c.Status.IsAdmitted(admitted)).Select(c => c.ToString()).Distinct().ToList();
        if (refused.Count > 0)
        {
            string what = admitted == ProvisionStatus.Verified ? "only verified law is admitted" : "only verified and reported law are admitted";
            throw new EvaluationException(EvaluationError.ProvisionalLaw,
                $"strict mode ({what}): the result rests on {string.Join("; ", refused)}");
        }
    }

    /// <summary>One warning line, in English and in Vietnamese, for each provisional provision behind the entitlements and the health-insurance contribution, in the order cited.</summary>
    private static (ImmutableArray<string> English, ImmutableArray<string> Vietnamese) Warnings(MonthLaw law, ImmutableArray<Entitlement> entitlements, HealthInsuranceContribution? healthInsurance)
    {
        var warnings = new ValueList<ProvisionalWarning>();
        foreach (var entitlement in entitlements)
        {
            AddWarnings(law, entitlement.Basis.AsSpan(), ref warnings);
        }

        if (healthInsurance is not null)
        {
            AddWarnings(law, healthInsurance.Basis.AsSpan(), ref warnings);
        }

        if (warnings.IsEmpty)
        {
            return ([], []);
        }

        var lines = new string[warnings.Count];
        var linesVi = new string[warnings.Count];
        for (int i = 0; i < lines.Length; i++)
        {
            lines[i] = warnings.AsSpan()[i].Text;
            linesVi[i] = warnings.AsSpan()[i].TextVi;
        }

        return (ImmutableCollectionsMarshal.AsImmutableArray(lines), ImmutableCollectionsMarshal.AsImmutableArray(linesVi));
    }

    private static void AddWarnings(MonthLaw law, ReadOnlySpan<Citation> basis, ref ValueList<ProvisionalWarning> warnings)
    {
        foreach (var citation in basis)
        {
            if (!citation.IsProvisional)
            {
                continue;
            }

            var warning = law.WarningFor(citation);
            if (!Contains(warnings.AsSpan(), warning.Key))
            {
                warnings.Add(warning);
            }
        }

        static bool Contains(ReadOnlySpan<ProvisionalWarning> warnings, string key)
        {
            foreach (var warning in warnings)
            {
                if (warning.Key == key)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>One warning line for each provisional provision among the citations.</summary>
    internal static ImmutableArray<string> Warnings(IEnumerable<Citation> basis, bool vietnamese = false)
    {
        var seen = new HashSet<string>();
        var warnings = ImmutableArray.CreateBuilder<string>();
        foreach (var citation in basis.Where(c => c.IsProvisional))
        {
            var warning = ProvisionalWarning.For(citation);
            if (seen.Add(warning.Key))
            {
                warnings.Add(vietnamese ? warning.TextVi : warning.Text);
            }
        }

        return warnings.ToImmutable();
    }
}
