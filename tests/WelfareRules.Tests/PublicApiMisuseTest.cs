using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Xml.Linq;
using NodaTime;
using WelfareRules.Benefits.Emergency;
using WelfareRules.Evaluation;
using WelfareRules.Policy;
using WelfareRules.Reports;
using WelfareRules.Serialization;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Populations;
using Xunit;
using static WelfareRules.Tests.TestDates;

namespace WelfareRules.Tests;

/// <summary>
/// Misuse of every public constructor and method of both shipped assemblies, found by reflection: a null for a
/// parameter not annotated nullable is refused with <see cref="ArgumentNullException"/> naming it (never a
/// <see cref="NullReferenceException"/>), an undefined enumeration value or a default date or month with
/// <see cref="ArgumentOutOfRangeException"/>, and the refusals are documented in the shipped XML file.
/// </summary>
public sealed class PublicApiMisuseTest
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Assembly[] Shipped = [typeof(RuleSet).Assembly, typeof(WelfareRules.Cli.Program).Assembly];

    private static readonly YearMonth SampleMonth = Month("2024-08");

    private static readonly LocalDate SampleDate = Date("2024-08-15");

    private static readonly Person SamplePerson = new(Date("2015-01-01")) { Orphanhood = Orphanhood.Abandoned };

    private static readonly Situation SampleSituation = new(Jurisdiction.Vietnam, SampleMonth, SamplePerson);

    /// <summary>Members not called, each with its reason. Keys are documentation ids.</summary>
    private static readonly Dictionary<string, string> Skipped = new(StringComparer.Ordinal)
    {
        // Main opens the console's streams; Run (the same code with the streams given) is called instead.
        ["M:WelfareRules.Cli.Program.Main(System.String[])"] = "reads the console; Program.Run is checked",
        // Pure calendar arithmetic, defined for any ISO date (its tests range before 1900); the facts it reads are checked where they enter.
        ["M:WelfareRules.Benefits.AgeReading.AgeIn(NodaTime.LocalDate,NodaTime.YearMonth)"] = "calendar arithmetic on any date",
        ["M:WelfareRules.Benefits.AgeReading.CompletedYears(NodaTime.LocalDate,NodaTime.LocalDate)"] = "calendar arithmetic on any date",
        ["M:WelfareRules.Benefits.AgeReading.StillUnder(NodaTime.LocalDate,System.Int32,NodaTime.YearMonth)"] = "calendar arithmetic on any date",
        ["M:WelfareRules.Benefits.AgeReading.MonthTurning(NodaTime.LocalDate,System.Int32)"] = "calendar arithmetic on any date",
        // A span cannot be boxed for reflection; these overloads are checked by hand in ApiMisuseTest.
        ["M:WelfareRules.Law.InstrumentReader.Read(System.ReadOnlySpan{System.Byte},System.String)"] = "span parameter",
        ["M:WelfareRules.Serialization.SituationReader.Parse(System.ReadOnlySpan{System.Byte},System.String,System.Int32,System.Nullable{NodaTime.YearMonth})"] = "span parameter",
    };

    private static IEnumerable<MethodBase> PublicMembers() =>
        from assembly in Shipped
        from type in assembly.GetExportedTypes()
        where !type.IsEnum && !typeof(Delegate).IsAssignableFrom(type) && !type.IsGenericTypeDefinition
        from member in type.GetConstructors().Cast<MethodBase>().Concat(type.GetMethods(Declared))
        // Members a record synthesises (Equals, PrintMembers, <Clone>$, Deconstruct…) are the compiler's.
        where member.GetCustomAttribute<CompilerGeneratedAttribute>() is null || IsAccessor(member)
        where !member.IsAbstract && !member.ContainsGenericParameters
        where !Skipped.ContainsKey(ConventionsTest.DocId.Of(member))
        select member;

    private static bool IsAccessor(MethodBase member) => member.IsSpecialName && (member.Name.StartsWith("set_", StringComparison.Ordinal) || member.Name.StartsWith("get_", StringComparison.Ordinal));

    public static TheoryData<string> NullCases() => [.. NullKeys()];

    public static TheoryData<string> EnumCases() => [.. EnumKeys()];

    public static TheoryData<string> DateCases() => [.. DateKeys()];

    private static List<string> NullKeys()
    {
        var context = new NullabilityInfoContext();
        var data = new List<string>();
        foreach (var member in PublicMembers())
        {
            foreach (var parameter in member.GetParameters().Where(p => IsNonNullableReference(context, p)))
            {
                data.Add(Key(member, parameter));
            }
        }

        return data;
    }

    private static List<string> EnumKeys() => Keys(p => Underlying(p.ParameterType).IsEnum);

    private static List<string> DateKeys() => Keys(p => Underlying(p.ParameterType) == typeof(LocalDate) || Underlying(p.ParameterType) == typeof(YearMonth));

    private static List<string> Keys(Func<ParameterInfo, bool> select)
    {
        var data = new List<string>();
        foreach (var member in PublicMembers())
        {
            foreach (var parameter in member.GetParameters().Where(p => !p.ParameterType.IsByRef && !p.IsOut && select(p)))
            {
                data.Add(Key(member, parameter));
            }
        }

        return data;
    }

    [Fact]
    public void PublicMembers_Enumerated_IncludeTheEntryPoints()
    {
        var nulls = NullKeys();
        Assert.Contains(nulls, k => k.StartsWith("M:WelfareRules.Law.RuleSet.Evaluate(", StringComparison.Ordinal));
        Assert.Contains(nulls, k => k.StartsWith("M:WelfareRules.Cli.Program.Run(", StringComparison.Ordinal));
        Assert.True(nulls.Count > 60, $"only {nulls.Count} null cases");
        Assert.Contains(EnumKeys(), k => k.StartsWith("M:WelfareRules.Benefits.PovertyStandard.PovertyClassifier.Classify(", StringComparison.Ordinal));
        Assert.Contains(DateKeys(), k => k.StartsWith("M:WelfareRules.Schedules.Schedule.Build(", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(NullCases))]
    public void PublicMember_NullForANonNullableParameter_ThrowsArgumentNullNamingIt(string key)
    {
        var (member, parameter) = Find(key);
        var error = Call(member, parameter, null);
        var refused = Assert.IsType<ArgumentNullException>(error);
        AssertNames(member, parameter, refused.ParamName);
    }

    [Theory]
    [MemberData(nameof(EnumCases))]
    public void PublicMember_UndefinedEnumValue_ThrowsArgumentOutOfRangeNamingIt(string key)
    {
        var (member, parameter) = Find(key);
        var type = Underlying(parameter.ParameterType);
        var undefined = Enum.ToObject(type, 77);
        Assert.False(Enum.IsDefined(type, undefined));
        var refused = Assert.IsType<ArgumentOutOfRangeException>(Call(member, parameter, undefined));
        AssertNames(member, parameter, refused.ParamName);
    }

    [Theory]
    [MemberData(nameof(DateCases))]
    public void PublicMember_DefaultDateOrMonth_ThrowsArgumentOutOfRangeNamingIt(string key)
    {
        var (member, parameter) = Find(key);
        object value = Underlying(parameter.ParameterType) == typeof(LocalDate) ? default(LocalDate) : default(YearMonth);
        var refused = Assert.IsType<ArgumentOutOfRangeException>(Call(member, parameter, value));
        AssertNames(member, parameter, refused.ParamName);
    }

    [Theory]
    [MemberData(nameof(DateCases))]
    public void PublicMember_JulianDateOrMonth_ThrowsArgumentSayingTheCalendar(string key)
    {
        var (member, parameter) = Find(key);
        object value = Underlying(parameter.ParameterType) == typeof(LocalDate)
            ? new LocalDate(2024, 8, 1, CalendarSystem.Julian)
            : new YearMonth(2024, 8, CalendarSystem.Julian);
        var refused = Assert.IsType<ArgumentException>(Call(member, parameter, value));
        AssertNames(member, parameter, refused.ParamName);
        Assert.Contains("ISO calendar", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Every member the theories above show to throw documents each exception in the XML file that ships in
    /// the package (an init accessor's on its property).
    /// </summary>
    [Fact]
    public void PublicMembers_ThatRefuseMisuse_DocumentTheExceptionInTheShippedXmlFile()
    {
        var exceptions = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var assembly in Shipped)
        {
            var file = Path.ChangeExtension(assembly.Location, ".xml");
            foreach (var element in XDocument.Load(file).Descendants("member"))
            {
                exceptions[(string)element.Attribute("name")!] = element.Elements("exception").Select(e => (string)e.Attribute("cref")!).ToHashSet(StringComparer.Ordinal);
            }
        }

        var missing = new SortedSet<string>(StringComparer.Ordinal);
        void Require(IEnumerable<string> keys, Type exception)
        {
            foreach (var key in keys)
            {
                var (member, _) = Find(key);
                string id = DocumentedAs(member);
                if (!exceptions.TryGetValue(id, out var documented) || !documented.Contains("T:" + exception.FullName))
                {
                    missing.Add($"{id}: {exception.Name}");
                }
            }
        }

        Require(NullKeys(), typeof(ArgumentNullException));
        Require(EnumKeys(), typeof(ArgumentOutOfRangeException));
        Require(DateKeys(), typeof(ArgumentOutOfRangeException));
        Require(DateKeys(), typeof(ArgumentException));
        var documentedSince = NotYetDocumented.Where(id => !missing.Contains(id)).ToList();
        Assert.True(documentedSince.Count == 0, "documented now, remove from NotYetDocumented:\n" + string.Join("\n", documentedSince));
        missing.ExceptWith(NotYetDocumented);
        Assert.True(missing.Count == 0, "undocumented exceptions:\n" + string.Join("\n", missing));
    }

    /// <summary>
    /// Members that refuse misuse (the theories prove it) whose documentation does not yet say so: a list that may
    /// only shrink. The test fails on any other undocumented refusal, and on an entry that has since been documented.
    /// </summary>
    private static readonly HashSet<string> NotYetDocumented = new(StringComparer.Ordinal)
    {
        "M:WelfareRules.Benefits.Emergency.EmergencyAssistance.Compute(WelfareRules.Law.RuleSet,WelfareRules.Benefits.Emergency.EmergencyEvent,WelfareRules.Evaluation.EvaluationOptions): ArgumentNullException",
        "M:WelfareRules.Benefits.HealthInsurance.HealthInsurancePremiums.Monthly(WelfareRules.Law.RuleSet,WelfareRules.Law.Jurisdiction,NodaTime.YearMonth,System.Int32): ArgumentException",
        "M:WelfareRules.Benefits.HealthInsurance.HealthInsurancePremiums.Monthly(WelfareRules.Law.RuleSet,WelfareRules.Law.Jurisdiction,NodaTime.YearMonth,System.Int32): ArgumentNullException",
        "M:WelfareRules.Benefits.HealthInsurance.HealthInsurancePremiums.Monthly(WelfareRules.Law.RuleSet,WelfareRules.Law.Jurisdiction,NodaTime.YearMonth,System.Int32): ArgumentOutOfRangeException",
        "M:WelfareRules.Benefits.HealthInsurance.HealthInsurancePremiums.Yearly(WelfareRules.Law.RuleSet,WelfareRules.Law.Jurisdiction,NodaTime.YearMonth,System.Int32): ArgumentException",
        "M:WelfareRules.Benefits.HealthInsurance.HealthInsurancePremiums.Yearly(WelfareRules.Law.RuleSet,WelfareRules.Law.Jurisdiction,NodaTime.YearMonth,System.Int32): ArgumentNullException",
        "M:WelfareRules.Benefits.HealthInsurance.HealthInsurancePremiums.Yearly(WelfareRules.Law.RuleSet,WelfareRules.Law.Jurisdiction,NodaTime.YearMonth,System.Int32): ArgumentOutOfRangeException",
        "M:WelfareRules.Benefits.PovertyStandard.PovertyClassifier.Classify(WelfareRules.Law.RuleSet,WelfareRules.Facts.Area,WelfareRules.Money.Dong,System.Int32,NodaTime.LocalDate): ArgumentException",
        "M:WelfareRules.Benefits.PovertyStandard.PovertyClassifier.Classify(WelfareRules.Law.RuleSet,WelfareRules.Facts.Area,WelfareRules.Money.Dong,System.Int32,NodaTime.LocalDate): ArgumentNullException",
        "M:WelfareRules.Benefits.PovertyStandard.PovertyClassifier.Classify(WelfareRules.Law.RuleSet,WelfareRules.Facts.Area,WelfareRules.Money.Dong,System.Int32,NodaTime.LocalDate): ArgumentOutOfRangeException",
        "M:WelfareRules.Facts.RaisedChild.#ctor(NodaTime.LocalDate,System.Boolean): ArgumentException",
        "M:WelfareRules.Facts.RaisedChild.#ctor(NodaTime.LocalDate,System.Boolean): ArgumentOutOfRangeException",
        "M:WelfareRules.Facts.Situation.#ctor(WelfareRules.Law.Jurisdiction,NodaTime.YearMonth,WelfareRules.Facts.Person): ArgumentOutOfRangeException",
        "M:WelfareRules.Law.InstrumentReader.ReadFile(System.String): ArgumentNullException",
        "M:WelfareRules.Law.RuleSet.Create(System.Collections.Generic.IEnumerable{WelfareRules.Law.Instrument}): ArgumentNullException",
        "M:WelfareRules.Law.RuleSet.With(WelfareRules.Law.Instrument): ArgumentNullException",
        "M:WelfareRules.Policy.PolicyChange.Between(WelfareRules.Law.RuleSet,WelfareRules.Law.RuleSet): ArgumentNullException",
        "M:WelfareRules.Policy.PolicyChange.Compare(System.Collections.Generic.IEnumerable{WelfareRules.Facts.Situation}): ArgumentNullException",
        "M:WelfareRules.Policy.PolicyChange.Compare(WelfareRules.Facts.Situation): ArgumentNullException",
        "M:WelfareRules.Policy.PolicyChange.ExpectAmount(WelfareRules.Facts.Situation,WelfareRules.Reports.EntitlementKind,WelfareRules.Money.Dong): ArgumentNullException",
        "M:WelfareRules.Policy.PolicyChange.ExpectCostDifference(System.Collections.Generic.IEnumerable{WelfareRules.Facts.Situation},WelfareRules.Money.Dong): ArgumentNullException",
        "M:WelfareRules.Policy.PolicyChange.ExpectTotal(WelfareRules.Facts.Situation,WelfareRules.Money.Dong): ArgumentNullException",
        "M:WelfareRules.Policy.PolicyChange.ExpectUnchanged(WelfareRules.Facts.Situation): ArgumentNullException",
        "M:WelfareRules.Policy.PolicyChange.On(WelfareRules.Law.RuleSet,WelfareRules.Law.Instrument): ArgumentNullException",
        "M:WelfareRules.Policy.PolicyComparison.Compare(WelfareRules.Law.RuleSet,WelfareRules.Law.RuleSet,WelfareRules.Facts.Situation,System.Int64): ArgumentNullException",
        "M:WelfareRules.Policy.PolicyComparison.Run(WelfareRules.Law.RuleSet,WelfareRules.Law.RuleSet,System.Collections.Generic.IEnumerable{WelfareRules.Facts.Situation},System.Action{WelfareRules.Policy.PersonDifference},System.Action{System.Int64,WelfareRules.Evaluation.EvaluationException}): ArgumentNullException",
        "M:WelfareRules.Policy.PolicyComparison.Run(WelfareRules.Law.RuleSet,WelfareRules.Law.RuleSet,WelfareRules.Populations.Population,NodaTime.YearMonth,System.Action{WelfareRules.Policy.PersonDifference},System.Action{System.Int64,WelfareRules.Evaluation.EvaluationException},System.Int32): ArgumentException",
        "M:WelfareRules.Policy.PolicyComparison.Run(WelfareRules.Law.RuleSet,WelfareRules.Law.RuleSet,WelfareRules.Populations.Population,NodaTime.YearMonth,System.Action{WelfareRules.Policy.PersonDifference},System.Action{System.Int64,WelfareRules.Evaluation.EvaluationException},System.Int32): ArgumentNullException",
        "M:WelfareRules.Policy.PolicyComparison.Run(WelfareRules.Law.RuleSet,WelfareRules.Law.RuleSet,WelfareRules.Populations.Population,NodaTime.YearMonth,System.Action{WelfareRules.Policy.PersonDifference},System.Action{System.Int64,WelfareRules.Evaluation.EvaluationException},System.Int32): ArgumentOutOfRangeException",
        "M:WelfareRules.Policy.PopulationGenerator.Generate(System.Int64,System.UInt64,WelfareRules.Law.Jurisdiction,NodaTime.YearMonth): ArgumentException",
        "M:WelfareRules.Policy.PopulationGenerator.Generate(System.Int64,System.UInt64,WelfareRules.Law.Jurisdiction,NodaTime.YearMonth): ArgumentNullException",
        "M:WelfareRules.Policy.PopulationGenerator.Generate(System.Int64,System.UInt64,WelfareRules.Law.Jurisdiction,NodaTime.YearMonth): ArgumentOutOfRangeException",
        "M:WelfareRules.Populations.Population.Create(System.Collections.Generic.IEnumerable{WelfareRules.Facts.Situation}): ArgumentNullException",
        "M:WelfareRules.Populations.Population.Create(WelfareRules.Law.Jurisdiction,System.Collections.Generic.IEnumerable{WelfareRules.Facts.Person}): ArgumentNullException",
        "M:WelfareRules.Populations.Population.SituationAt(System.Int32,NodaTime.YearMonth): ArgumentException",
        "M:WelfareRules.Populations.Population.SituationAt(System.Int32,NodaTime.YearMonth): ArgumentOutOfRangeException",
        "M:WelfareRules.Populations.PopulationBuilder.Add(WelfareRules.Law.Jurisdiction,WelfareRules.Facts.Person): ArgumentNullException",
        "M:WelfareRules.Populations.PopulationEngine.Evaluate(WelfareRules.Law.RuleSet,WelfareRules.Populations.Population,NodaTime.YearMonth,System.Int32): ArgumentException",
        "M:WelfareRules.Populations.PopulationEngine.Evaluate(WelfareRules.Law.RuleSet,WelfareRules.Populations.Population,NodaTime.YearMonth,System.Int32): ArgumentNullException",
        "M:WelfareRules.Populations.PopulationEngine.Evaluate(WelfareRules.Law.RuleSet,WelfareRules.Populations.Population,NodaTime.YearMonth,System.Int32): ArgumentOutOfRangeException",
        "M:WelfareRules.Populations.PopulationEngine.Evaluate(WelfareRules.Law.RuleSet,WelfareRules.Populations.Population,System.Collections.Generic.IEnumerable{NodaTime.YearMonth},System.Int32): ArgumentNullException",
        "M:WelfareRules.Schedules.Schedule.Build(WelfareRules.Law.RuleSet,WelfareRules.Law.Jurisdiction,WelfareRules.Facts.Person,NodaTime.YearMonth,NodaTime.YearMonth,System.Collections.Generic.IReadOnlyDictionary{NodaTime.YearMonth,WelfareRules.Money.Dong},WelfareRules.Evaluation.EvaluationOptions): ArgumentNullException",
        "M:WelfareRules.Schedules.Schedule.Build(WelfareRules.Law.RuleSet,WelfareRules.Law.Jurisdiction,WelfareRules.Facts.Person,NodaTime.YearMonth,NodaTime.YearMonth,System.Collections.Generic.IReadOnlyDictionary{NodaTime.YearMonth,WelfareRules.Money.Dong},WelfareRules.Evaluation.EvaluationOptions): ArgumentOutOfRangeException",
        "M:WelfareRules.Serialization.ReportJson.ToJson(WelfareRules.Reports.Report,System.Boolean): ArgumentNullException",
        "M:WelfareRules.Serialization.ReportJson.Write(System.Text.Json.Utf8JsonWriter,WelfareRules.Reports.Report): ArgumentNullException",
        "M:WelfareRules.Serialization.ReportJson.WriteBasis(System.Text.Json.Utf8JsonWriter,System.Collections.Immutable.ImmutableArray{WelfareRules.Legal.Citation}): ArgumentNullException",
        "M:WelfareRules.Serialization.SituationWriter.Write(System.Text.Json.Utf8JsonWriter,WelfareRules.Facts.Situation): ArgumentNullException",
        "P:WelfareRules.Facts.Household.Area: ArgumentOutOfRangeException",
        "P:WelfareRules.Facts.Household.EscapedPovertyMonth: ArgumentException",
        "P:WelfareRules.Facts.Household.EscapedPovertyMonth: ArgumentOutOfRangeException",
        "P:WelfareRules.Facts.Household.Poverty: ArgumentOutOfRangeException",
        "P:WelfareRules.Facts.Person.BirthDate: ArgumentException",
        "P:WelfareRules.Facts.Person.BirthDate: ArgumentOutOfRangeException",
        "P:WelfareRules.Facts.Person.DeathCause: ArgumentOutOfRangeException",
        "P:WelfareRules.Facts.Person.DeathDate: ArgumentException",
        "P:WelfareRules.Facts.Person.DeathDate: ArgumentOutOfRangeException",
        "P:WelfareRules.Facts.Person.DecisionSignedOn: ArgumentException",
        "P:WelfareRules.Facts.Person.DecisionSignedOn: ArgumentOutOfRangeException",
        "P:WelfareRules.Facts.Person.Disability: ArgumentOutOfRangeException",
        "P:WelfareRules.Facts.Person.DisabilityCertifiedOn: ArgumentException",
        "P:WelfareRules.Facts.Person.DisabilityCertifiedOn: ArgumentOutOfRangeException",
        "P:WelfareRules.Facts.Person.LivingArrangement: ArgumentOutOfRangeException",
        "P:WelfareRules.Facts.Person.Orphanhood: ArgumentOutOfRangeException",
        "P:WelfareRules.Facts.RaisedChild.BirthDate: ArgumentOutOfRangeException",
        "P:WelfareRules.Facts.Situation.Jurisdiction: ArgumentNullException",
        "P:WelfareRules.Facts.Situation.Month: ArgumentException",
        "P:WelfareRules.Facts.Situation.Month: ArgumentOutOfRangeException",
        "P:WelfareRules.Facts.Situation.Person: ArgumentNullException",
    };

    private static string DocumentedAs(MethodBase member)
    {
        if (member.IsSpecialName && member is MethodInfo accessor)
        {
            var property = accessor.DeclaringType!.GetProperties(Declared).Single(p => p.SetMethod == accessor || p.GetMethod == accessor);
            return ConventionsTest.DocId.Of(property);
        }

        return ConventionsTest.DocId.Of(member);
    }

    private static bool IsNonNullableReference(NullabilityInfoContext context, ParameterInfo parameter) =>
        !parameter.ParameterType.IsValueType && !parameter.ParameterType.IsByRef && !parameter.IsOut
        && context.Create(parameter).WriteState != NullabilityState.Nullable;

    private static Type Underlying(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    private static string Key(MethodBase member, ParameterInfo parameter) => ConventionsTest.DocId.Of(member) + " " + parameter.Name;

    private static (MethodBase Member, ParameterInfo Parameter) Find(string key)
    {
        int space = key.LastIndexOf(' ');
        string id = key[..space], name = key[(space + 1)..];
        var member = PublicMembers().Single(m => ConventionsTest.DocId.Of(m) == id);
        return (member, member.GetParameters().Single(p => p.Name == name));
    }

    /// <summary>
    /// A property's init accessor names its parameter <c>value</c>, and a constructor may check an argument through the
    /// property it sets: the exception names the property, which differs from the parameter only in case.
    /// </summary>
    private static void AssertNames(MethodBase member, ParameterInfo parameter, string? paramName)
    {
        string expected = member.IsSpecialName && member.Name.StartsWith("set_", StringComparison.Ordinal) ? member.Name[4..] : parameter.Name!;
        Assert.Equal(expected, paramName, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Calls the member with <paramref name="value"/> for one parameter and samples for the others; the exception it threw.</summary>
    private static Exception? Call(MethodBase member, ParameterInfo parameter, object? value)
    {
        var arguments = member.GetParameters().Select(p => p == parameter ? value : Sample(p)).ToArray();
        try
        {
            object? result = member switch
            {
                ConstructorInfo ctor => ctor.Invoke(arguments),
                _ => member.Invoke(member.IsStatic ? null : Instance(member.DeclaringType!), arguments),
            };
            (result as IDisposable)?.Dispose();
            return null;
        }
        catch (TargetInvocationException e)
        {
            return e.InnerException;
        }
    }

    private static object Instance(Type type) => type switch
    {
        _ when type == typeof(RuleSet) => RuleSet.BuiltIn,
        _ when type == typeof(Jurisdiction) => Jurisdiction.Vietnam,
        _ when type == typeof(Situation) => SampleSituation,
        _ when type == typeof(Person) => SamplePerson,
        _ when type == typeof(Population) => Population.Create([SampleSituation]),
        _ when type == typeof(PopulationBuilder) => new PopulationBuilder(),
        _ when type == typeof(JsonLinesReader) => new JsonLinesReader(new StringReader("")),
        _ when type == typeof(ParameterTimeline) => RuleSet.BuiltIn.Timeline(RuleSet.BuiltIn.Instruments[0].Provisions[0].Key, RuleSet.BuiltIn.Instruments[0].Jurisdiction)!,
        _ when type == typeof(PolicyChange) => PolicyChange.Between(RuleSet.BuiltIn, RuleSet.BuiltIn),
        _ when type == typeof(EmergencyEvent) => new EmergencyEvent(Jurisdiction.Vietnam, SampleDate, default),
        _ when type == typeof(Report) => RuleSet.BuiltIn.Evaluate(SampleSituation),
        _ when type == typeof(EntitlementChange) => new EntitlementChange(EntitlementKind.SocialAllowance, Payee.Beneficiary, null, default, default),
        _ when type == typeof(RaisedChild) => new RaisedChild(Date("2020-01-01")),
        _ when type == typeof(RuleFileProblem) => new RuleFileProblem(SourceLocation.InCode("ND20", "$"), "x"),
        _ when type == typeof(PopulationTotal) => new PopulationTotal("x", default, 0),
        _ when type == typeof(ComparisonTotal) => new ComparisonTotal("x", default, default, 0),
        _ when type.IsValueType => Activator.CreateInstance(type)!,
        _ when Sample(type) is { } sample => sample,
        _ => throw new InvalidOperationException($"no sample instance of {type}: add one to {nameof(Instance)}"),
    };

    private static object? Sample(ParameterInfo parameter) => parameter.Name == "index" && parameter.ParameterType == typeof(int) ? 0
        : parameter.HasDefaultValue && parameter.DefaultValue is not null && !parameter.ParameterType.IsValueType
        ? parameter.DefaultValue
        : Sample(parameter.ParameterType) ?? (parameter.HasDefaultValue ? parameter.DefaultValue : null);

    /// <summary>A value valid enough for each parameter type of the public API.</summary>
    private static object? Sample(Type type)
    {
        var underlying = Underlying(type);
        if (underlying != type)
        {
            return Sample(underlying);
        }

        if (type.IsEnum)
        {
            return Enum.GetValues(type).GetValue(0);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>))
        {
            return type.GetField(nameof(ImmutableArray<int>.Empty))!.GetValue(null);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>))
        {
            var element = type.GetGenericArguments()[0];
            var array = Array.CreateInstance(element, 1);
            array.SetValue(Sample(element), 0);
            return array;
        }

        if (typeof(Delegate).IsAssignableFrom(type))
        {
            var invoke = type.GetMethod("Invoke")!;
            var parameters = invoke.GetParameters().Select(p => System.Linq.Expressions.Expression.Parameter(p.ParameterType)).ToArray();
            return System.Linq.Expressions.Expression.Lambda(type, System.Linq.Expressions.Expression.Empty(), parameters).Compile();
        }

        return type switch
        {
            _ when type == typeof(string) => "VN",
            _ when type == typeof(string[]) => Array.Empty<string>(),
            _ when type == typeof(char[]) => new char[8],
            _ when type == typeof(int) => 1,
            _ when type == typeof(long) => 1L,
            _ when type == typeof(ulong) => 1UL,
            _ when type == typeof(YearMonth) => SampleMonth,
            _ when type == typeof(LocalDate) => SampleDate,
            _ when type == typeof(RuleSet) => RuleSet.BuiltIn,
            _ when type == typeof(Instrument) => RuleSet.BuiltIn.Instruments[0],
            _ when type == typeof(Jurisdiction) => Jurisdiction.Vietnam,
            _ when type == typeof(Situation) => SampleSituation,
            _ when type == typeof(Person) => SamplePerson,
            _ when type == typeof(Household) => new Household(),
            _ when type == typeof(ParameterKey) => RuleSet.BuiltIn.Instruments[0].Provisions[0].Key,
            _ when type == typeof(SourceLocation) => SourceLocation.InCode("ND20", "$"),
            _ when type == typeof(Population) => Population.Create([SampleSituation]),
            _ when type == typeof(EmergencyEvent) => Instance(type),
            _ when type == typeof(Report) => Instance(type),
            _ when type == typeof(EvaluationOptions) => EvaluationOptions.Default,
            _ when type == typeof(JsonLinesOptions) => new JsonLinesOptions(),
            _ when type == typeof(Utf8JsonWriter) => new Utf8JsonWriter(new MemoryStream()),
            _ when type == typeof(TextReader) => new StringReader(""),
            _ when type == typeof(TextWriter) => new StringWriter(),
            _ when type == typeof(Stream) => new MemoryStream(),
            _ when type.IsValueType => Activator.CreateInstance(type),
            _ => null,
        };
    }
}
