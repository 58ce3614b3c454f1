using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Xml.Linq;
using WelfareRules.Law;
using Xunit;

namespace WelfareRules.Tests;

/// <summary>
/// Conventions over the whole public API of both shipped assemblies (the library and the tool), as
/// NodaTime guards its own: every public type sealed, static, an enum or a readonly struct; no public
/// state that can change after construction (init-only setters are allowed, as <c>with</c> makes a
/// copy); no mutable collection handed out; every public type and member documented.
/// </summary>
public sealed class ConventionsTest
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Assembly[] Shipped = [typeof(RuleSet).Assembly, typeof(WelfareRules.Cli.Program).Assembly];

    private static readonly Type[] PublicTypes = [.. Shipped.SelectMany(a => a.GetExportedTypes())];

    public static TheoryData<string> PublicTypeNames() => [.. PublicTypes.Select(t => t.FullName!)];

    private static Type TypeNamed(string name) => PublicTypes.Single(t => t.FullName == name);

    [Fact]
    public void PublicApi_IsNotEmpty()
    {
        Assert.Contains(typeof(RuleSet), PublicTypes);
        Assert.Contains(typeof(WelfareRules.Cli.Program), PublicTypes);
        Assert.True(PublicTypes.Length > 30, $"only {PublicTypes.Length} public types found");
    }

    [Theory]
    [MemberData(nameof(PublicTypeNames))]
    public void PublicType_IsSealedStaticEnumOrReadOnlyStruct(string name)
    {
        var type = TypeNamed(name);
        bool ok = type.IsEnum
            || (type.IsValueType && type.GetCustomAttribute<IsReadOnlyAttribute>() is not null)
            || (type.IsClass && type.IsSealed);
        Assert.True(ok, $"{name} should be sealed, static, an enum or a readonly struct");
    }

    [Theory]
    [MemberData(nameof(PublicTypeNames))]
    public void PublicType_HasNoPublicMutableStateAfterConstruction(string name)
    {
        var type = TypeNamed(name);
        foreach (var property in type.GetProperties(Declared))
        {
            var setter = property.SetMethod;
            if (setter is null || !(setter.IsPublic || setter.IsFamily || setter.IsFamilyOrAssembly))
            {
                continue;
            }

            // An init accessor carries the IsExternalInit modifier on its return parameter.
            bool initOnly = setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));
            Assert.True(initOnly, $"{name}.{property.Name} has a public setter that is not init-only");
        }

        foreach (var field in type.GetFields(Declared))
        {
            Assert.True(field.IsInitOnly || field.IsLiteral || type.IsEnum, $"{name}.{field.Name} is a public field that is neither readonly nor const");
        }

        foreach (var e in type.GetEvents(Declared))
        {
            Assert.Fail($"{name}.{e.Name} is a public event: public types are immutable values");
        }
    }

    [Theory]
    [MemberData(nameof(PublicTypeNames))]
    public void PublicType_HandsOutNoMutableCollection(string name)
    {
        var type = TypeNamed(name);
        var exposed = type.GetProperties(Declared).Select(p => (p.Name, p.PropertyType))
            .Concat(type.GetFields(Declared).Where(f => !type.IsEnum).Select(f => (f.Name, f.FieldType)))
            .Concat(type.GetMethods(Declared).Where(m => !m.IsSpecialName).Select(m => (m.Name + "()", m.ReturnType)));
        foreach (var (member, memberType) in exposed)
        {
            Assert.False(IsMutableCollection(memberType), $"{name}.{member} hands out a mutable {memberType.Name}; use an immutable or read-only collection");
        }
    }

    [Fact]
    public void Exceptions_AreSealedAndFew()
    {
        var exceptions = PublicTypes.Where(t => typeof(Exception).IsAssignableFrom(t)).ToList();
        Assert.All(exceptions, e => Assert.True(e.IsSealed));
        Assert.True(exceptions.Count <= 4, string.Join(", ", exceptions.Select(e => e.Name)));
    }

    /// <summary>
    /// The build refuses an undocumented public member (CS1591 with warnings as errors); this reads the
    /// generated XML documentation itself, the file that ships in the package, and checks that every public
    /// type and member is there with a summary.
    /// </summary>
    [Theory]
    [InlineData("WelfareRules")]
    [InlineData("welfare-rules")]
    public void PublicApi_IsDocumentedInTheShippedXmlFile(string assemblyName)
    {
        var assembly = Shipped.Single(a => a.GetName().Name == assemblyName);
        var file = Path.ChangeExtension(assembly.Location, ".xml");
        Assert.True(File.Exists(file), $"{file} is missing: GenerateDocumentationFile must stay on");
        var documented = XDocument.Load(file).Descendants("member")
            .Where(m => !string.IsNullOrWhiteSpace((string?)m.Element("summary")) || m.Element("inheritdoc") is not null)
            .Select(m => (string)m.Attribute("name")!)
            .ToHashSet(StringComparer.Ordinal);

        var missing = new List<string>();
        foreach (var type in assembly.GetExportedTypes())
        {
            foreach (var id in DocumentationIds(type).Where(id => !documented.Contains(id)))
            {
                missing.Add(id);
            }
        }

        Assert.True(missing.Count == 0, "undocumented: " + string.Join(", ", missing));
    }

    [Fact]
    public void DocumentationIds_FollowTheCompilersFormat()
    {
        Assert.Equal("T:WelfareRules.Law.RuleSet", DocId.Of(typeof(RuleSet)));
        Assert.Equal("M:WelfareRules.Law.RuleSet.Create(System.Collections.Generic.IEnumerable{WelfareRules.Law.Instrument})",
            DocId.Of(typeof(RuleSet).GetMethod(nameof(RuleSet.Create))!));
        Assert.Equal("M:WelfareRules.Law.Jurisdiction.TryParse(System.String,WelfareRules.Law.Jurisdiction@)",
            DocId.Of(typeof(Jurisdiction).GetMethod(nameof(Jurisdiction.TryParse))!));
        Assert.Equal("P:WelfareRules.Law.RuleSet.Version", DocId.Of(typeof(RuleSet).GetProperty(nameof(RuleSet.Version))!));
    }

    private static IEnumerable<string> DocumentationIds(Type type)
    {
        yield return DocId.Of(type);
        foreach (var member in type.GetMembers(Declared))
        {
            // Members a record synthesises (Equals, GetHashCode, ==, <Clone>$…) carry [CompilerGenerated]: no source, no documentation.
            if (member.GetCustomAttribute<CompilerGeneratedAttribute>() is not null || member is Type)
            {
                continue;
            }

            switch (member)
            {
                case MethodInfo method when method.IsSpecialName && !method.Name.StartsWith("op_", StringComparison.Ordinal):
                    continue; // accessors: the property is documented
                case FieldInfo field when type.IsEnum && field.IsSpecialName:
                    continue; // value__
                case ConstructorInfo ctor when type.IsValueType && ctor.GetParameters().Length == 0:
                    continue;
                case ConstructorInfo ctor when ctor.GetParameters().Length == 0
                    && type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                        .Count(c => !IsRecordCopyConstructor(type, c)) == 1:
                    continue; // the implicit constructor of a class or record that declares none: no source to document
                case PropertyInfo property when property.Name == "EqualityContract":
                    continue;
                default:
                    yield return DocId.Of(member);
                    break;
            }
        }
    }

    private static bool IsRecordCopyConstructor(Type type, ConstructorInfo ctor) =>
        ctor.GetParameters() is [var only] && only.ParameterType == type && type.GetMethod("<Clone>$") is not null;

    private static bool IsMutableCollection(Type type)
    {
        if (type.IsArray)
        {
            return true;
        }

        if (!type.IsGenericType)
        {
            return type == typeof(ArrayList) || type == typeof(Hashtable);
        }

        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(List<>) || definition == typeof(Dictionary<,>) || definition == typeof(HashSet<>)
            || definition == typeof(ICollection<>) || definition == typeof(IList<>) || definition == typeof(IDictionary<,>)
            || definition == typeof(ISet<>) || definition == typeof(SortedDictionary<,>) || definition == typeof(Queue<>) || definition == typeof(Stack<>);
    }

    /// <summary>Documentation ids as the C# compiler writes them into the XML documentation file.</summary>
    internal static class DocId
    {
        internal static string Of(MemberInfo member) => member switch
        {
            Type type => "T:" + TypeName(type, definition: true),
            ConstructorInfo ctor => $"M:{TypeName(ctor.DeclaringType!, definition: true)}.{(ctor.IsStatic ? "#cctor" : "#ctor")}{Parameters(ctor.GetParameters())}",
            MethodInfo method => "M:" + TypeName(method.DeclaringType!, definition: true) + "." + method.Name
                + (method.IsGenericMethodDefinition ? "``" + method.GetGenericArguments().Length : "")
                + Parameters(method.GetParameters())
                + (method.Name is "op_Implicit" or "op_Explicit" ? "~" + TypeName(method.ReturnType, definition: false) : ""),
            PropertyInfo property => $"P:{TypeName(property.DeclaringType!, definition: true)}.{property.Name}{Parameters(property.GetIndexParameters())}",
            FieldInfo field => $"F:{TypeName(field.DeclaringType!, definition: true)}.{field.Name}",
            EventInfo e => $"E:{TypeName(e.DeclaringType!, definition: true)}.{e.Name}",
            _ => throw new ArgumentException($"unexpected member {member}", nameof(member)),
        };

        private static string Parameters(ParameterInfo[] parameters) =>
            parameters.Length == 0 ? "" : "(" + string.Join(",", parameters.Select(p => TypeName(p.ParameterType, definition: false))) + ")";

        private static string TypeName(Type type, bool definition)
        {
            if (type.IsByRef)
            {
                return TypeName(type.GetElementType()!, definition) + "@";
            }

            if (type.IsArray)
            {
                return TypeName(type.GetElementType()!, definition) + "[]";
            }

            if (type.IsPointer)
            {
                return TypeName(type.GetElementType()!, definition) + "*";
            }

            if (type.IsGenericParameter)
            {
                return (type.DeclaringMethod is null ? "`" : "``") + type.GenericParameterPosition;
            }

            string outer = type.IsNested ? TypeName(type.DeclaringType!, definition: true) + "." : (type.Namespace is null ? "" : type.Namespace + ".");
            string name = type.Name;
            int tick = name.IndexOf('`', StringComparison.Ordinal);
            if (!type.IsGenericType || tick < 0)
            {
                return outer + name;
            }

            if (definition || type.IsGenericTypeDefinition)
            {
                return outer + name;
            }

            var own = type.GetGenericArguments().Skip(type.IsNested ? type.DeclaringType!.GetGenericArguments().Length : 0);
            return outer + name[..tick] + "{" + string.Join(",", own.Select(a => TypeName(a, definition: false))) + "}";
        }
    }
}
