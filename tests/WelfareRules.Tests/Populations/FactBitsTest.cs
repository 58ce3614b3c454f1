using System.Linq;
using WelfareRules.Facts;
using WelfareRules.Populations;
using Xunit;

namespace WelfareRules.Tests.Populations;

/// <summary>The packed facts read back: every fact a person's word holds comes back as it went in, and makes the same person.</summary>
public sealed class FactBitsTest
{
    [Fact]
    public void Unpack_PackedFactsOfVariedPersons_GivesTheFactsBack()
    {
        int checkedPersons = 0;
        foreach (var situation in VariedPopulation.Create(2_000, 23))
        {
            var person = situation.Person;
            var facts = PersonFacts.Of(person);

            Assert.Equal(facts, PersonFacts.Unpack(FactBits.Pack(facts, 0, checkedPersons)));
            checkedPersons++;
        }

        Assert.Equal(2_000, checkedPersons);
    }

    [Fact]
    public void ToPerson_FactsOfVariedPersons_GivesThePersonBack()
    {
        // The values the facts do not hold given alongside: the same person, household and all.
        foreach (var person in VariedPopulation.Create(2_000, 29).Select(s => s.Person))
        {
            var h = person.Household;
            var again = PersonFacts.Of(person).ToPerson(person.BirthDate, person.DeathDate, person.DecisionSignedOn, person.DisabilityCertifiedOn,
                person.Sex, h.EscapedPovertyMonth, h.IncomePerPerson, person.ChildrenRaisedAlone, person.Merit);

            Assert.Equal(person, again);
        }
    }
}
