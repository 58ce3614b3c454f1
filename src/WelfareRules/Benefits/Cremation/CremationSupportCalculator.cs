using System.Globalization;
using WelfareRules.Evaluation;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Legal;
using WelfareRules.Reports;

namespace WelfareRules.Benefits.Cremation;

/// <summary>
/// Cremation support (hỗ trợ hỏa táng, Hanoi 03/2020/NQ-HĐND): a one-off amount in the month of death
/// for a person cremated who was a permanent resident or lived in one of the city's public social-assistance
/// facilities, the adult or child-under-6 amount plus transport.
/// </summary>
/// <remarks>
/// Applies wherever a rule file sets <c>cremation-support</c>: today Hanoi only. Not modelled (no fact tells
/// them): residents of the city's centres for merit persons, Hospital 09 patients and homeless people who die in Hanoi.
/// </remarks>
internal static class CremationSupportCalculator
{
    /// <summary>The age (a case of <c>age</c>) under which the child amount applies (NQ 03/2020: under 6).</summary>
    private const string CremationChildAge = "cremation-child";

    /// <summary>The cremation support due in the month, or null.</summary>
    internal static Entitlement? For(MonthLaw law, Person person, Explainer? explain)
    {
        if (person.DeathDate is not { } death || death.ToYearMonth() != law.Month)
        {
            return null;
        }

        // Only where a rule file sets cremation support (today Hanoi) does its child age apply.
        if (law.Get(ParameterCatalog.CremationSupport, null, ParameterCatalog.CremationAdult) is null)
        {
            return null;
        }

        int childAge = LawValues.Age(law, CremationChildAge);
        bool child = AgeReading.CompletedYears(person.BirthDate, death) < childAge;
        string @case = child ? ParameterCatalog.CremationChild : ParameterCatalog.CremationAdult;
        if (law.Get(ParameterCatalog.CremationSupport, null, @case) is not { } body)
        {
            return null;
        }

        // NQ 03/2020: permanent residents, and people nurtured in the city's public social-assistance facilities.
        bool inFacility = person.LivingArrangement == LivingArrangement.Facility;
        if (!person.Cremated || !(person.PermanentResident || inFacility))
        {
            explain?.Add(
                string.Create(CultureInfo.InvariantCulture, $"No cremation support: it needs a person cremated who is a permanent resident of {law.Jurisdiction} or lived in one of its public social-assistance facilities ({(person.Cremated ? "cremated" : "not cremated")}, {(person.PermanentResident ? "permanent resident" : "not a permanent resident")}, {(inFacility ? "in a facility" : "not in a facility")})"),
                string.Create(CultureInfo.InvariantCulture, $"Không được hỗ trợ hỏa táng: cần được hỏa táng và có hộ khẩu thường trú tại {law.Jurisdiction} hoặc được nuôi dưỡng tại cơ sở trợ giúp xã hội công lập ({(person.Cremated ? "có hỏa táng" : "không hỏa táng")}, {(person.PermanentResident ? "có hộ khẩu thường trú" : "không có hộ khẩu thường trú")}, {(inFacility ? "sống tại cơ sở" : "không sống tại cơ sở")})"),
                body.Basis);
            return null;
        }

        var transport = law.Get(ParameterCatalog.CremationSupport, null, ParameterCatalog.CremationTransport);
        var amount = transport is null ? body.Amount : body.Amount + transport.Amount;
        System.Collections.Immutable.ImmutableArray<Citation> basis = transport is null ? [body.Basis] : [body.Basis, transport.Basis];
        explain?.Add(
            string.Create(CultureInfo.InvariantCulture, $"Cremation support ({(child ? $"child under {childAge}" : "adult")}): {Format.Amount(body.Amount)}{(transport is null ? "" : $" + transport {Format.Amount(transport.Amount)}")} = {Format.Amount(amount)}, once"),
            string.Create(CultureInfo.InvariantCulture, $"Hỗ trợ hỏa táng ({(child ? $"trẻ em dưới {childAge} tuổi" : "người lớn")}): {Format.Amount(body.Amount)}{(transport is null ? "" : $" + vận chuyển {Format.Amount(transport.Amount)}")} = {Format.Amount(amount)} đồng, một lần"),
            basis.AsSpan());
        return new Entitlement(EntitlementKind.CremationSupport, Payee.Beneficiary, amount, null, null, basis);
    }
}
