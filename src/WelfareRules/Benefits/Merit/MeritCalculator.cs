using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using WelfareRules.Evaluation;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Law.Conditions;
using WelfareRules.Legal;
using WelfareRules.Reports;
using WelfareRules.Serialization;

namespace WelfareRules.Benefits.Merit;

/// <summary>
/// The preferential allowances of merit persons and their relatives (trợ cấp, phụ cấp ưu đãi người có công với cách
/// mạng, Ordinance 02/2020/UBTVQH14; amounts in the appendices of ND 75/2021, ND 55/2023 and ND 77/2024).
/// </summary>
/// <remarks>
/// Who is paid what is data: the merit groups of the rule files (<c>"benefit": "merit-allowance"</c> or
/// <c>"merit-carer-allowance"</c>) are evaluated for each merit record of the person; the band met names the case of
/// <c>merit-amount</c>, the amount an appendix row prints. This class holds the procedure: the start month, the
/// multiplier of a per-year row, and the combination: each record's amounts add up (Ordinance Art 6 k3), while a
/// group that combines as <c>highest</c> pays one highest amount among the benefit's such groups (one carer allowance,
/// Art 6 k3; one nurture supplement, Art 6 k6). Every entitlement cites its group, its appendix row and the merit
/// standard in force, so a standard known only from a report (ND 321/2026) grades the figure it stands behind.
/// </remarks>
internal static class MeritCalculator
{
    /// <summary>Adds the merit entitlements of the month.</summary>
    internal static void Evaluate(MonthLaw law, Person person, Explainer? explain, ref ValueList<Entitlement> entitlements)
    {
        if (person.Merit.IsEmpty)
        {
            return;
        }

        if (law.MeritGroups.IsEmpty)
        {
            explain?.Add(
                $"Merit records given, but no merit group is in force in {law.Jurisdiction} in {Format.Month(law.Month)}",
                $"Có thông tin người có công, nhưng không có diện người có công nào có hiệu lực tại {law.Jurisdiction.VietnameseName} tháng {Format.Month(law.Month)}");
            return;
        }

        var standard = LawValues.Require(law, ParameterCatalog.MeritStandard);
        Entitlement? highestAllowance = null, highestCarer = null;
        for (int i = 0; i < person.Merit.Length; i++)
        {
            var record = person.Merit[i];
            var context = new ConditionContext(person, law, Merit: record);
            bool paid = false, held = false;
            foreach (var group in law.MeritGroups)
            {
                var eligibility = group.Eligibility!;
                string? @case = eligibility.MatchBand(context);
                if (@case is null)
                {
                    continue;
                }

                if (HeldBack(eligibility.Start, person, record, law, out var from))
                {
                    held = true;
                    explain?.Add(
                        string.Create(CultureInfo.InvariantCulture, $"{Record(i, record)}: {group.TitleEnglish ?? group.Title}: paid from {from}, after {Format.Month(law.Month)}"),
                        string.Create(CultureInfo.InvariantCulture, $"{RecordVi(i, record)}: {group.Title}: hưởng từ tháng {from}, sau tháng {Format.Month(law.Month)}"),
                        group.Basis);
                    continue;
                }

                var row = law.Get(ParameterCatalog.MeritAmount, group.Id, @case) ?? throw new EvaluationException(EvaluationError.LawNotEncoded,
                    string.Create(CultureInfo.InvariantCulture, $"no merit-amount of group {group.Id}, case {@case} is in force in {law.Jurisdiction} in {Format.Month(law.Month)}"));
                int times = eligibility.Times is { } count ? count.ReadRecord!(record) : 1;
                if (times == 0)
                {
                    continue;
                }

                var amount = row.Amount.Times(times);

                // The conditions' own citations (a reading graded provisional, say) stand behind the figure, explained or not.
                var notes = new ValueList<ConditionNote>();
                eligibility.When.Explain(context, ref notes);
                foreach (var band in eligibility.Bands)
                {
                    if (band.Case == @case)
                    {
                        band.When?.Explain(context, ref notes);
                        break;
                    }
                }

                var basis = ImmutableArray.CreateBuilder<Citation>();
                basis.Add(group.Basis);
                basis.Add(row.Basis);
                basis.Add(standard.Basis);
                foreach (var note in notes.AsSpan())
                {
                    foreach (var citation in note.Basis)
                    {
                        if (!basis.Contains(citation))
                        {
                            basis.Add(citation);
                        }
                    }
                }

                bool carer = eligibility.Benefit == GroupBenefit.MeritCarerAllowance;
                var entitlement = new Entitlement(carer ? EntitlementKind.MeritCarerAllowance : EntitlementKind.MeritAllowance,
                    carer ? Payee.Carer : Payee.Beneficiary, amount, null, group.Id, basis.ToImmutable())
                {
                    MeritRecord = i,
                };
                paid = true;
                if (explain is not null)
                {
                    Explain(explain, i, record, group, notes, row, times, amount, entitlement.Basis, eligibility.Combine == GroupCombination.Highest);
                }

                if (eligibility.Combine == GroupCombination.Highest)
                {
                    ref var highest = ref carer ? ref highestCarer : ref highestAllowance;
                    if (highest is null || entitlement.Amount > highest.Amount)
                    {
                        highest = entitlement;
                    }
                }
                else
                {
                    entitlements.Add(entitlement);
                }
            }

            if (!paid && !held)
            {
                explain?.Add(
                    $"{Record(i, record)}: no monthly merit allowance: no merit group's conditions are met in {Format.Month(law.Month)}",
                    $"{RecordVi(i, record)}: không có trợ cấp ưu đãi hằng tháng: không đủ điều kiện của diện nào trong tháng {Format.Month(law.Month)}");
            }
        }

        if (highestAllowance is not null)
        {
            entitlements.Add(highestAllowance);
        }

        if (highestCarer is not null)
        {
            entitlements.Add(highestCarer);
        }
    }

    /// <summary>Whether the start rule holds the amount back this month, and the month it is paid from.</summary>
    private static bool HeldBack(GroupStart start, Person person, MeritRecord record, MonthLaw law, out string from)
    {
        var date = start switch
        {
            GroupStart.RecognisedMonth => record.RecognisedOn,
            GroupStart.DecisionMonth => person.DecisionSignedOn,
            GroupStart.CertificateMonth => person.DisabilityCertifiedOn,
            _ => null,
        };
        from = date is { } d ? Format.Month(d.ToYearMonth()) : "";
        return date is { } held && held.ToYearMonth() > law.Month;
    }

    private static void Explain(Explainer explain, int index, MeritRecord record, GroupDefinition group, ValueList<ConditionNote> notes, Provision row, int times,
        Money.Dong amount, ImmutableArray<Citation> basis, bool highest)
    {
        var english = new StringBuilder().Append(Record(index, record)).Append(": ").Append(group.TitleEnglish ?? group.Title);
        var vietnamese = new StringBuilder().Append(RecordVi(index, record)).Append(": ").Append(group.Title);
        foreach (var note in notes.AsSpan())
        {
            english.Append("; ").Append(note.English);
            vietnamese.Append("; ").Append(note.Vietnamese);
        }

        string where = row.Basis.Appendix is { } appendix ? $" (Appendix {appendix}{(row.Basis.Row is { } r ? " row " + r : "")})" : "";
        string whereVi = row.Basis.Appendix is { } appendixVi ? $" ({(row.Basis.Row is { } rv ? "STT " + rv + " " : "")}Phụ lục {appendixVi})" : "";
        english.Append(": ");
        vietnamese.Append(": ");
        if (times != 1)
        {
            english.Append(CultureInfo.InvariantCulture, $"{times} × {Format.Amount(row.Amount)} = ");
            vietnamese.Append(CultureInfo.InvariantCulture, $"{times} × {Format.Amount(row.Amount)} = ");
        }

        english.Append(Format.Amount(amount)).Append(" VND a month").Append(where);
        vietnamese.Append(Format.Amount(amount)).Append(" đồng/tháng").Append(whereVi);
        if (highest)
        {
            english.Append("; only the highest such amount is paid");
            vietnamese.Append("; chỉ hưởng một mức cao nhất");
        }

        explain.Add(english.ToString(), vietnamese.ToString(), basis.AsSpan());
    }

    private static string Record(int index, MeritRecord record) =>
        string.Create(CultureInfo.InvariantCulture, $"Merit record merit[{index}] ({ContractEnum<MeritCategory>.Spell(record.Category)})");

    private static string RecordVi(int index, MeritRecord record) =>
        string.Create(CultureInfo.InvariantCulture, $"Diện người có công merit[{index}] ({Law.Conditions.FactValueNames.MeritCategory[(int)record.Category]})");
}
