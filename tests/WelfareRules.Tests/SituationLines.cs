using System.IO;
using System.Text;
using System.Text.Json;
using WelfareRules.Facts;
using WelfareRules.Serialization;

namespace WelfareRules.Tests;

/// <summary>Situations as the contract's JSON, one line each, for tests that feed JSON Lines.</summary>
internal static class SituationLines
{
    /// <summary>The situation as one line of JSON (<see cref="SituationWriter"/>), without its line break.</summary>
    internal static string Json(Situation situation)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            SituationWriter.Write(writer, situation);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
