using System.Collections.Immutable;
using NodaTime;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Populations;

namespace WelfareRules.Serialization;

/// <summary>
/// A situation's values as read from its JSON and checked (<see cref="SituationReader"/>), before any object of the
/// model is made: what a reader that needs no <see cref="Situation"/> for a line uses (a report line known by its
/// profile, a population's columns), and what <see cref="ToSituation"/> makes the situation of, the same one
/// <see cref="SituationReader.Parse(System.ReadOnlySpan{byte}, string, int, YearMonth?)"/> returns. A reader refills
/// one instance line after line; it belongs to one thread at a time.
/// </summary>
internal sealed class SituationValues
{
    internal Jurisdiction Jurisdiction { get; set; } = Jurisdiction.Vietnam;

    internal YearMonth Month { get; set; }

    internal string? Id { get; set; }

    internal decimal Weight { get; set; }

    internal string? Commune { get; set; }

    /// <summary>The person's facts that do not depend on the month (the household's among them), as the compact columns hold them.</summary>
    internal PersonFacts Facts;

    internal Sex Sex { get; set; }

    internal LocalDate BirthDate { get; set; }

    internal LocalDate? DeathDate { get; set; }

    internal LocalDate? DecisionSignedOn { get; set; }

    internal LocalDate? DisabilityCertifiedOn { get; set; }

    internal YearMonth? EscapedPovertyMonth { get; set; }

    internal long? IncomePerPerson { get; set; }

    internal ImmutableArray<RaisedChild> ChildrenRaisedAlone { get; set; } = [];

    internal ImmutableArray<MeritRecord> Merit { get; set; } = [];

    /// <summary>The situation of these values.</summary>
    internal Situation ToSituation() =>
        new(Jurisdiction, Month, Facts.ToPerson(BirthDate, DeathDate, DecisionSignedOn, DisabilityCertifiedOn, Sex, EscapedPovertyMonth, IncomePerPerson, ChildrenRaisedAlone, Merit))
        {
            Id = Id,
            Weight = Weight,
            Commune = Commune,
        };

    /// <summary>The person's packed facts and dates, as <see cref="PopulationBuilder.Pack(Person, int, int)"/> gives them for <see cref="ToSituation"/>'s person.</summary>
    /// <exception cref="System.ArgumentException">A value cannot be represented.</exception>
    internal PopulationBuilder.PackedPerson Pack(int jurisdiction, int index) =>
        PopulationBuilder.Pack(Facts, BirthDate, DeathDate, DecisionSignedOn, DisabilityCertifiedOn, EscapedPovertyMonth, ChildrenRaisedAlone, jurisdiction, index);
}
