using System;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using WelfareRules.Law;
using Xunit;

namespace WelfareRules.Tests;

/// <summary>Conventions over the whole public API, as NodaTime guards its own.</summary>
public sealed class ConventionsTest
{
    private static readonly Type[] PublicTypes = typeof(RuleSet).Assembly.GetExportedTypes();

    public static TheoryData<string> PublicTypeNames() => [.. PublicTypes.Select(t => t.FullName!)];

    private static Type TypeNamed(string name) => PublicTypes.Single(t => t.FullName == name);

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
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
        {
            var setter = property.SetMethod;
            if (setter is null || !setter.IsPublic)
            {
                continue;
            }

            bool initOnly = setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));
            Assert.True(initOnly, $"{name}.{property.Name} has a public setter");
        }

        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
        {
            Assert.True(field.IsInitOnly || field.IsLiteral || type.IsEnum, $"{name}.{field.Name} is a public mutable field");
        }
    }

    [Fact]
    public void Exceptions_AreSealedAndFew()
    {
        var exceptions = PublicTypes.Where(t => typeof(Exception).IsAssignableFrom(t)).ToList();
        Assert.All(exceptions, e => Assert.True(e.IsSealed));
        Assert.True(exceptions.Count <= 4, string.Join(", ", exceptions.Select(e => e.Name)));
    }
}
