using System.Linq;
using WelfareRules.Facts;
using WelfareRules.Law.Conditions;
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

    [Fact]
    public void OfFact_EveryFactConditionsRead_IsTheFieldThatHoldsIt()
    {
        // What the engine decides a condition from must be what the condition reads: a field mapped to the wrong fact
        // would give a profile another's outcome.
        var persons = VariedPopulation.Create(3_000, 31).Concat(DecidedProfilesTest.IndependentFacts(3_000, 37)).Select(s => s.Person).ToList();
        foreach (string name in FactCatalog.Names)
        {
            Assert.True(FactCatalog.TryGet(name, out var fact));
            var field = FactBits.OfFact(name);
            if (fact.Type == FactType.Date)
            {
                Assert.Null(field);
                continue;
            }

            Assert.True(field is not null, $"{name} has no field");
            var values = persons.Select(p => fact.Read(p)).Distinct().Count();
            Assert.True(values > 1, $"the population has one value of {name}: the test cannot tell its field");
            for (int i = 0; i < persons.Count; i++)
            {
                Assert.Equal(fact.Read(persons[i]), (int)FactBits.Get(FactBits.Pack(PersonFacts.Of(persons[i]), 0, i), field.Value));
            }
        }
    }
}
