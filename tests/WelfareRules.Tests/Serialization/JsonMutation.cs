using System;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Xunit;

namespace WelfareRules.Tests.Serialization;

/// <summary>
/// For the fast readers compared with System.Text.Json: random small edits of a JSON text (a character removed, a token
/// inserted or put in its place), and the comparison of what a fast reader gave with what System.Text.Json gives.
/// </summary>
internal static class JsonMutation
{
    /// <summary>
    /// Whether the fast reader read the document (<paramref name="fast"/> not null); fails when System.Text.Json refuses
    /// what it read, or reads it into a DTO that serialises otherwise.
    /// </summary>
    internal static bool ReadAlike<T>(byte[] utf8, T? fast, JsonTypeInfo<T> info)
        where T : class
    {
        if (fast is null)
        {
            return false;
        }

        T? expected;
        try
        {
            expected = JsonSerializer.Deserialize(utf8, info);
        }
        catch (JsonException e)
        {
            Assert.Fail($"the fast reader read what System.Text.Json refuses ({e.Message}): {Encoding.UTF8.GetString(utf8)}");
            return false;
        }

        Assert.Equal(JsonSerializer.Serialize(expected!, info), JsonSerializer.Serialize(fast, info));
        return true;
    }

    /// <summary>The text with one or two edits, each at a random place, inserting or replacing with one of <paramref name="tokens"/>.</summary>
    internal static string Mutate(string line, Random random, string[] tokens)
    {
        var text = new StringBuilder(line);
        int edits = 1 + random.Next(2);
        for (int e = 0; e < edits && text.Length > 0; e++)
        {
            int at = random.Next(text.Length);
            switch (random.Next(3))
            {
                case 0:
                    text.Remove(at, 1);
                    break;
                case 1:
                    text.Insert(at, tokens[random.Next(tokens.Length)]);
                    break;
                default:
                    text.Remove(at, 1).Insert(at, tokens[random.Next(tokens.Length)]);
                    break;
            }
        }

        return text.ToString();
    }
}
