using System.Collections.Immutable;
using System.Linq;
using NodaTime;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Populations;
using WelfareRules.Serialization;
using Xunit;

namespace WelfareRules.Tests.Populations;

/// <summary>
/// A month's children counts (K4's per-child condition, ND 20/2021 Art 5 k4) kept for a later month whose law reads
/// alike, as a run's sorter keeps them: every child's outcome and next change as the later month's own counts give them.
/// </summary>
public sealed class ChildCountTest
{
    [Fact]
    public void Meets_CountsOfAnEarlierMonthKeptForALaterOne_GiveTheLaterMonthsOutcomes()
    {
        var jurisdictions = ImmutableArray.Create(Jurisdiction.Hanoi);
        var early = MonthProfiles.Frame(jurisdictions, new YearMonth(2026, 2), [RuleSet.BuiltIn], out _);
        var late = MonthProfiles.Frame(jurisdictions, new YearMonth(2026, 5), [RuleSet.BuiltIn], out _);
        Assert.NotEmpty(late.ChildCounts);
        Assert.Equal(late.ChildCounts.Length, early.ChildCounts.Length);
        var kept = late.WithChildCounts(early.ChildCounts);

        // Children born every month over thirty years, the oldest first, each read first through the kept counts (nothing
        // found in them for that age before: a next change is looked for among older ages only): those who cross an age
        // between February and May are where an earlier month's reading would show.
        int crossing = 0;
        for (int k = 0; k < late.ChildCounts.Length; k++)
        {
            for (int months = 359; months >= 0; months--)
            {
                foreach (bool inEducation in new[] { false, true })
                {
                    var child = new RaisedChild(new LocalDate(2026, 5, 15).PlusMonths(-months), inEducation);
                    int expected = late.ChildCounts[k].Meets(0, child, late);
                    Assert.Equal(expected, kept.ChildCounts[k].Meets(0, child, kept));
                    // The next change is the later month's, but where no age of the condition is left to reach: the scan
                    // then stops at ages born before 1900, counted from the month the counts were made (never later).
                    int change = late.ChildCounts[k].MonthsUntilChange(0, child, late), keptChange = kept.ChildCounts[k].MonthsUntilChange(0, child, kept);
                    if (months + change < 100 * 12)
                    {
                        Assert.Equal(change, keptChange);
                    }
                    else
                    {
                        Assert.InRange(keptChange, 1, change);
                    }

                    crossing += expected != late.ChildCounts[k].Meets(0, child with { BirthDate = child.BirthDate.PlusMonths(3) }, late) ? 1 : 0;
                }
            }
        }

        Assert.True(crossing > 0, "no child's outcome changes within three months: the test would prove nothing");
    }

    [Fact]
    public void Reads_PerChildConditionWithCountsKeptFromAnEarlierMonth_ReadsTheCountNotTheWholeKey()
    {
        // Signing a later month's law over counts kept from an earlier month reads K4's per-child condition from the
        // count the key holds, as over the month's own counts; a law moving the ages it reads does not.
        var jurisdictions = ImmutableArray.Create(Jurisdiction.Hanoi);
        var early = MonthProfiles.Frame(jurisdictions, new YearMonth(2026, 2), [RuleSet.BuiltIn], out _);
        var may = new YearMonth(2026, 5);
        var late = MonthProfiles.Frame(jurisdictions, may, [RuleSet.BuiltIn], out _);
        var kept = late.WithChildCounts(early.ChildCounts);
        var perChild = RuleSet.BuiltIn.Groups.Select(g => g.Eligibility?.PerChild).First(c => c is not null)!;
        var law = RuleSet.BuiltIn.ForMonth(Jurisdiction.Hanoi, may);
        bool receives = false;
        var own = ProfileKey.Reads(perChild, law, late, 0, ref receives);
        Assert.NotEqual(ProfileKey.All, own);
        Assert.Equal(own, ProfileKey.Reads(perChild, law, kept, 0, ref receives));

        var older = InstrumentReader.Read("""
            {
              "format": 1, "id": "DRAFT-CHILD-AGE", "kind": "draft", "title": "Dự thảo (giả định)", "issuer": "test",
              "jurisdiction": "VN", "appliesFrom": "2026-01-01", "status": "provisional",
              "provisions": [ { "parameter": "age", "case": "child", "from": "2026-01-01", "value": 17, "basis": { "article": "1" } } ]
            }
            """u8, "older.json");
        var moved = RuleSet.BuiltIn.With(older).ForMonth(Jurisdiction.Hanoi, may);
        Assert.Equal(ProfileKey.All, ProfileKey.Reads(perChild, moved, kept, 0, ref receives));
    }
}
