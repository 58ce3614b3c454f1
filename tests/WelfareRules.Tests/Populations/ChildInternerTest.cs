using System.Collections.Generic;
using System.Linq;
using NodaTime;
using WelfareRules.Facts;
using WelfareRules.Populations;
using Xunit;

namespace WelfareRules.Tests.Populations;

/// <summary>One instance of each distinct child: equal children share one, unequal children never do.</summary>
public sealed class ChildInternerTest
{
    [Fact]
    public void AddTo_EqualAndUnequalChildren_SharesOnlyEqualOnes()
    {
        var interner = new ChildInterner();
        var column = new List<RaisedChild>();
        var born = new LocalDate(2015, 4, 9);
        interner.AddTo(column, [new RaisedChild(born), new RaisedChild(born, InEducation: true), new RaisedChild(born.PlusDays(1))]);
        interner.AddTo(column, [new RaisedChild(born), new RaisedChild(born, InEducation: true), new RaisedChild(born.PlusDays(1))]);

        Assert.Equal(6, column.Count);
        Assert.Equal(3, column.Distinct(ReferenceEqualityComparer.Instance).Count());
        for (int i = 0; i < 3; i++)
        {
            Assert.Same(column[i], column[i + 3]);
        }
    }

    [Fact]
    public void Key_EveryDayOfTheCalendarsYearsWithAndWithoutEducation_IsItsOwn()
    {
        // Every date a child may have (the ISO calendar from 1900 to 9999), in education or not: no two share a key.
        var keys = new HashSet<int>();
        int children = 0;
        for (var date = new LocalDate(1900, 1, 1); ; date = date.PlusDays(1))
        {
            Assert.True(keys.Add(ChildInterner.Key(new RaisedChild(date))));
            Assert.True(keys.Add(ChildInterner.Key(new RaisedChild(date, InEducation: true))));
            children += 2;
            if (date == new LocalDate(9999, 12, 31))
            {
                break;
            }
        }

        Assert.Equal(children, keys.Count);
    }

    [Fact]
    public void Key_RaisedChild_HoldsEveryValueOfAChild()
    {
        // The interner keys a child on its birth date and education: a value added to RaisedChild must join the key.
        Assert.Equal(["BirthDate", "InEducation"], typeof(RaisedChild).GetProperties().Select(p => p.Name).Order());
    }
}
