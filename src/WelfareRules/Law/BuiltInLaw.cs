using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace WelfareRules.Law;

/// <summary>The instrument files embedded in the library (<c>src/WelfareRules/Law/Data</c>).</summary>
internal static class BuiltInLaw
{
    private const string Prefix = "WelfareRules.Law.";

    internal static IEnumerable<string> ResourceNames =>
        typeof(BuiltInLaw).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, System.StringComparison.Ordinal)).Order(System.StringComparer.Ordinal);

    internal static List<Instrument> Load()
    {
        var assembly = typeof(BuiltInLaw).Assembly;
        var instruments = new List<Instrument>();
        foreach (string name in ResourceNames)
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            instruments.Add(InstrumentReader.Read(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), name[Prefix.Length..]));
        }

        return instruments;
    }
}
