using WelfareRules.Evaluation;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Legal;
using WelfareRules.Reports;

namespace WelfareRules.Benefits.Cremation;

/// <summary>
/// Cremation support (hỗ trợ hỏa táng, Hanoi 03/2020/NQ-HĐND): a one-off amount in the month of death
/// for a permanent resident who is cremated, the adult or child-under-6 amount plus transport.
/// </summary>
/// <remarks>
/// Applies wherever a rule file sets <c>cremation-support</c>: today Hanoi only. Not modelled: the
/// residents of public centres and facilities, Hospital 09 patients and homeless people who die in Hanoi.
/// </remarks>
internal static class CremationSupportCalculator
{
    /// <summary>The cremation support due in the month, or null.</summary>
    internal static Entitlement? For(MonthLaw law, Person person, Explainer? explain)
    {
        if (person.DeathDate is not { } death || death.ToYearMonth() != law.Month)
        {
            return null;
        }

        bool child = AgeReading.CompletedYears(person.BirthDate, death) < LegalAges.CremationChild;
        string @case = child ? ParameterCatalog.CremationChild : ParameterCatalog.CremationAdult;
        if (law.Get(ParameterCatalog.CremationSupport, null, @case) is not { } body)
        {
            return null;
        }

        if (!person.Cremated || !person.PermanentResident)
        {
            explain?.Add(
                $"No cremation support: it needs a permanent resident of {law.Jurisdiction} who is cremated ({(person.Cremated ? "cremated" : "not cremated")}, {(person.PermanentResident ? "permanent resident" : "not a permanent resident")})",
                $"Không được hỗ trợ hỏa táng: cần có hộ khẩu thường trú tại {law.Jurisdiction} và được hỏa táng ({(person.Cremated ? "có hỏa táng" : "không hỏa táng")}, {(person.PermanentResident ? "có hộ khẩu thường trú" : "không có hộ khẩu thường trú")})",
                body.Basis);
            return null;
        }

        var transport = law.Get(ParameterCatalog.CremationSupport, null, ParameterCatalog.CremationTransport);
        var amount = transport is null ? body.Amount : body.Amount + transport.Amount;
        System.Collections.Immutable.ImmutableArray<Citation> basis = transport is null ? [body.Basis] : [body.Basis, transport.Basis];
        explain?.Add(
            $"Cremation support ({(child ? "child under 6" : "adult")}): {Format.Amount(body.Amount)}{(transport is null ? "" : $" + transport {Format.Amount(transport.Amount)}")} = {Format.Amount(amount)}, once",
            $"Hỗ trợ hỏa táng ({(child ? "trẻ em dưới 6 tuổi" : "người lớn")}): {Format.Amount(body.Amount)}{(transport is null ? "" : $" + vận chuyển {Format.Amount(transport.Amount)}")} = {Format.Amount(amount)} đồng, một lần",
            basis.AsSpan());
        return new Entitlement(EntitlementKind.CremationSupport, Payee.Beneficiary, amount, null, null, basis);
    }
}
