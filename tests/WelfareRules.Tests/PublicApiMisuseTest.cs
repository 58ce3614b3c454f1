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
    /// the package (an init accessor's on its property), and every documented exception says when it is thrown.
    /// </summary>
    [Fact]
    public void PublicMembers_ThatRefuseMisuse_DocumentTheExceptionInTheShippedXmlFile()
    {
        var exceptions = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var unconditioned = new List<string>();
        foreach (var assembly in Shipped)
        {
            var file = Path.ChangeExtension(assembly.Location, ".xml");
            foreach (var element in XDocument.Load(file).Descendants("member"))
            {
                exceptions[(string)element.Attribute("name")!] = element.Elements("exception").Select(e => (string)e.Attribute("cref")!).ToHashSet(StringComparer.Ordinal);
                foreach (var exception in element.Elements("exception").Where(e => string.IsNullOrWhiteSpace(e.Value)))
                {
                    unconditioned.Add($"{(string)element.Attribute("name")!}: {(string)exception.Attribute("cref")!}");
                }
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
        Assert.True(missing.Count == 0, "undocumented exceptions:\n" + string.Join("\n", missing));
        Assert.True(unconditioned.Count == 0, "exceptions documented without their condition:\n" + string.Join("\n", unconditioned));
    }

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
        _ when type == typeof(MeritRecord) => new MeritRecord(MeritCategory.WarInvalid) { Rate = 41 },
        _ when type == typeof(WelfareRules.Policy.DistributionBuilder) => new WelfareRules.Policy.DistributionBuilder(),
        _ when type == typeof(WelfareRules.Policy.DistributionLine) => new WelfareRules.Policy.DistributionLine("k", 1, WelfareRules.Money.Dong.Zero, WelfareRules.Money.Dong.Zero, 0, 0),
        _ when type == typeof(RuleFileProblem) => new RuleFileProblem(SourceLocation.InCode("ND20", "$"), "x"),
        _ when type == typeof(PopulationTotal) => new PopulationTotal("x", default, 0),
        _ when type == typeof(ComparisonTotal) => new ComparisonTotal("x", default, default, 0),
        _ when type == typeof(WelfareRules.Law.Building.InstrumentBuilder) => new WelfareRules.Law.Building.InstrumentBuilder("X", InstrumentKind.Draft, "x", "x", Jurisdiction.Vietnam, SampleDate, WelfareRules.Legal.ProvisionStatus.Provisional),
        _ when type == typeof(WelfareRules.Law.Building.Band) => new WelfareRules.Law.Building.Band("single"),
        _ when type == typeof(WelfareRules.Law.Building.ConditionSpec) => WelfareRules.Law.Building.When.Fact("pregnant", true),
        _ when type == typeof(WelfareRules.Law.Building.ProvisionBasis) => new WelfareRules.Law.Building.ProvisionBasis("1"),
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
            _ when type == typeof(WelfareRules.Law.Building.ConditionSpec) => WelfareRules.Law.Building.When.Fact("pregnant", true),
            _ when type == typeof(WelfareRules.Law.Building.ProvisionBasis) => new WelfareRules.Law.Building.ProvisionBasis("1"),
            _ when type == typeof(WelfareRules.Law.Building.ConditionSpec[]) => new[] { WelfareRules.Law.Building.When.Fact("pregnant", true) },
            _ when type == typeof(WelfareRules.Law.Building.Band) => new WelfareRules.Law.Building.Band("single"),
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
