using System.Globalization;
using WelfareRules.Benefits.SocialAllowance;
using WelfareRules.Evaluation;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Legal;
using WelfareRules.Reports;
using static WelfareRules.Benefits.AgeReading;

namespace WelfareRules.Benefits.Care;

/// <summary>
/// Care support in the community (ND 20/2021 Art 20), in addition to the person's own monthly allowance
/// (Art 19 k1):
/// <list type="bullet">
/// <item>k1: to the household or person fostering a K1 child (under 4 / from 4 to under 16) or a K5d elderly person: <c>carer-support</c>;</item>
/// <item>k2 a, b: to a severely or especially severely disabled person who is pregnant or raising children under 36 months: <c>disability-care-support</c>, paid to the person;</item>
/// <item>k2 c: to the household directly caring for an especially severely disabled member (<c>livingArrangement: family</c>): <c>carer-support</c>;</item>
/// <item>k2 d: to the household or person fostering an especially severely disabled adult or child: <c>carer-support</c>.</item>
/// </list>
/// </summary>
/// <remarks>
/// Readings of the library: every support starts in the month the decision is signed (Art 8 k1 đ) and
/// stops from the month after death or loss of eligibility (Art 8 k2); a person in a facility gets
/// none (Arts 18–20 are community care; the facility regime of Art 25 applies instead). Where several
/// carer supports apply to one person (a fostered K1 child who is also especially severely disabled),
/// the carer gets the single highest. The rule that when both spouses are disabled only one Art 20 k2 a
/// support is paid cannot be applied: the facts describe one person, not the couple. The caller must not
/// pay a second support to the other spouse.
/// </remarks>
internal static class CareSupportCalculator
{
    private static readonly Citation KeepsOwnAllowance = new(LawCitations.Nd20, "19", "1");
    private static readonly Citation AlsoOnAllowance = new(LawCitations.Nd20, "20", "2", "b");
    private const string DisabledParentGroup = "ND20-20-2a";

    /// <summary>The groups of ND 20/2021 Art 5 that Art 20 refers to (K1, K5d, K6), and the child age (Art 20 k2 d), read in the month's law.</summary>
    private const string OrphanGroup = "ND20-5-1", CommunityCareGroup = "ND20-5-5d", DisabledGroup = "ND20-5-6", ChildAge = "child";

    internal static EntitlementPair Evaluate(MonthLaw law, Person person, Explainer? explain)
    {
        var month = law.Month;
        if (person.LivingArrangement == LivingArrangement.Facility)
        {
            return default;
        }

        bool describe = explain is not null;
        var parent = DisabledParentCase(person, law, describe);
        var carer = new ValueList<CareCase>();
        CarerCases(person, law, describe, ref carer);
        if (parent is null && carer.IsEmpty)
        {
            return default;
        }

        if (person.DecisionSignedOn is { } signed && month < signed.ToYearMonth())
        {
            explain?.Add(
                $"Care support (Art 20) is payable only from {Format.Month(signed.ToYearMonth())}, the month the decision was signed ({Format.Date(signed)})",
                $"Hỗ trợ kinh phí chăm sóc (Điều 20) chỉ được hưởng từ tháng {Format.Month(signed.ToYearMonth())}, tháng ký quyết định ({Format.Date(signed)})",
                LawCitations.StartMonth);
            return default;
        }

        var parentSupport = parent is { } p ? ToEntitlement(law, p, EntitlementKind.DisabilityCareSupport, Payee.Beneficiary, explain) : null;

        CareCase? best = null;
        decimal bestFactor = 0m;
        foreach (var candidate in carer.AsSpan())
        {
            decimal factor = LawValues.Require(law, ParameterCatalog.CareCoefficient, candidate.Case).Value;
            if (best is null || factor > bestFactor)
            {
                best = candidate;
                bestFactor = factor;
            }
        }

        Entitlement? carerSupport = null;
        if (best is { } chosen)
        {
            if (carer.Count > 1)
            {
                explain?.Add(
                    "Several carer supports apply to this person: the carer receives the single highest",
                    "Thuộc nhiều mức hỗ trợ kinh phí chăm sóc: người chăm sóc chỉ được hưởng một mức cao nhất");
            }

            carerSupport = ToEntitlement(law, chosen, EntitlementKind.CarerSupport, Payee.Carer, explain);
        }

        explain?.Add(
            "The person keeps their own monthly allowance: care support is paid in addition",
            "Đối tượng vẫn được hưởng trợ cấp xã hội hằng tháng; hỗ trợ kinh phí chăm sóc được hưởng thêm",
            best is null ? AlsoOnAllowance : KeepsOwnAllowance);
        return parentSupport is null ? new EntitlementPair(carerSupport, null) : new EntitlementPair(parentSupport, carerSupport);
    }

    private static Entitlement ToEntitlement(MonthLaw law, CareCase c, EntitlementKind kind, Payee payee, Explainer? explain)
    {
        var standard = law.Standard!;
        var coefficient = LawValues.Require(law, ParameterCatalog.CareCoefficient, c.Case);
        var amount = standard.Amount.Times(coefficient.Value);
        explain?.Add(
            $"{c.English}: coefficient {Format.Factor(coefficient.Value)} × standard {Format.Amount(standard.Amount)} = {Format.Amount(amount)}, paid to the {(payee == Payee.Carer ? "carer" : "person")}",
            $"{c.Vietnamese}: hệ số {Format.Factor(coefficient.Value)} × mức chuẩn {Format.Amount(standard.Amount)} = {Format.Amount(amount)}, chi trả cho {(payee == Payee.Carer ? "người chăm sóc" : "đối tượng")}",
            coefficient.Basis);
        return new Entitlement(kind, payee, amount, coefficient.Value, c.Group, [coefficient.Basis, standard.Basis]);
    }

    /// <summary>Art 20 k2 a, b: a severely or especially severely disabled person, pregnant or raising children under 36 months.</summary>
    /// <remarks>The reasons are built only when <paramref name="describe"/> is set (for an explanation); otherwise they are null.</remarks>
    internal static CareCase? DisabledParentCase(Person person, MonthLaw law, bool describe)
    {
        if (person.LivingArrangement == LivingArrangement.Facility || LawValues.Meets(law, DisabledGroup, person) is null
            || !(person.Pregnant || person.ChildrenUnder36Months > 0))
        {
            return null;
        }

        bool higher = (person.Pregnant && person.ChildrenUnder36Months >= 1) || person.ChildrenUnder36Months >= 2;
        string @case = higher ? "disabled-parent-higher" : "disabled-parent";
        if (!describe)
        {
            return new CareCase(@case, DisabledParentGroup, null!, null!);
        }

        string situation = (person.Pregnant, person.ChildrenUnder36Months) switch
        {
            (true, 0) => "pregnant",
            (true, var n) => string.Create(CultureInfo.InvariantCulture, $"pregnant and raising {n} child(ren) under 36 months"),
            (false, var n) => string.Create(CultureInfo.InvariantCulture, $"raising {n} child(ren) under 36 months"),
        };
        string situationVi = (person.Pregnant, person.ChildrenUnder36Months) switch
        {
            (true, 0) => "đang mang thai",
            (true, var n) => string.Create(CultureInfo.InvariantCulture, $"đang mang thai và nuôi {n} con dưới 36 tháng tuổi"),
            (false, var n) => string.Create(CultureInfo.InvariantCulture, $"đang nuôi {n} con dưới 36 tháng tuổi"),
        };
        return new CareCase(@case, DisabledParentGroup,
            $"Care support to a disabled person {situation}", $"Hỗ trợ kinh phí chăm sóc người khuyết tật {situationVi}");
    }

    /// <summary>The carer supports that apply to the person (Art 20 k1, k2 c, k2 d), before choosing the highest.</summary>
    /// <remarks>The reasons are built only when <paramref name="describe"/> is set (for an explanation); otherwise they are null.</remarks>
    internal static void CarerCases(Person person, MonthLaw law, bool describe, ref ValueList<CareCase> cases)
    {
        var month = law.Month;
        bool especiallySevere = person.Disability == Disability.EspeciallySevere;
        switch (person.LivingArrangement)
        {
            case LivingArrangement.FosterCare:
                int age = AgeIn(person.BirthDate, month);
                if (LawValues.Meets(law, OrphanGroup, person) is { } orphan)
                {
                    cases.Add(orphan.Match.Case == AllowanceRules.Under4
                        ? new CareCase("foster-child-under-4", "ND20-20-1a",
                            describe ? string.Create(CultureInfo.InvariantCulture, $"Fostering a child with no source of nurture aged {age} (under 4)") : null!,
                            describe ? string.Create(CultureInfo.InvariantCulture, $"Nhận chăm sóc, nuôi dưỡng trẻ em không có nguồn nuôi dưỡng {age} tuổi (dưới 4 tuổi)") : null!)
                        : new CareCase("foster-child-from-4", "ND20-20-1b",
                            describe ? string.Create(CultureInfo.InvariantCulture, $"Fostering a child with no source of nurture aged {age} (4 to under 16)") : null!,
                            describe ? string.Create(CultureInfo.InvariantCulture, $"Nhận chăm sóc, nuôi dưỡng trẻ em không có nguồn nuôi dưỡng {age} tuổi (từ đủ 4 đến dưới 16 tuổi)") : null!));
                }

                if (LawValues.Meets(law, CommunityCareGroup, person) is not null)
                {
                    cases.Add(new CareCase("foster-elderly", "ND20-20-1b", "Fostering a poor elderly person with no supporter, eligible for a facility (K5d)",
                        "Nhận chăm sóc, nuôi dưỡng người cao tuổi thuộc diện điểm d khoản 5 Điều 5"));
                }

                if (especiallySevere)
                {
                    cases.Add(age < LawValues.Age(law, ChildAge)
                        ? new CareCase("foster-especially-severe-child", "ND20-20-2d",
                            describe ? string.Create(CultureInfo.InvariantCulture, $"Fostering an especially severely disabled child aged {age}") : null!,
                            describe ? string.Create(CultureInfo.InvariantCulture, $"Nhận chăm sóc, nuôi dưỡng trẻ em khuyết tật đặc biệt nặng {age} tuổi") : null!)
                        : new CareCase("foster-especially-severe-adult", "ND20-20-2d",
                            describe ? string.Create(CultureInfo.InvariantCulture, $"Fostering an especially severely disabled person aged {age}") : null!,
                            describe ? string.Create(CultureInfo.InvariantCulture, $"Nhận chăm sóc, nuôi dưỡng người khuyết tật đặc biệt nặng {age} tuổi") : null!));
                }

                break;
            case LivingArrangement.Family when especiallySevere:
                cases.Add(new CareCase("household-especially-severe", "ND20-20-2c", "Household directly caring for an especially severely disabled member",
                    "Hộ gia đình đang trực tiếp chăm sóc, nuôi dưỡng người khuyết tật đặc biệt nặng"));
                break;
        }
    }
}

/// <summary>One case of Art 20: the <c>care-coefficient</c> case, the group id reported, and the reason in both languages (null when not explaining).</summary>
internal readonly record struct CareCase(string Case, string Group, string English, string Vietnamese);
