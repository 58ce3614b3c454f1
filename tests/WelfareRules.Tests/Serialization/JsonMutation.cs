using System;
using System.Text;

namespace WelfareRules.Tests.Serialization;

/// <summary>Random small edits of a JSON text (a character removed, a token inserted or put in its place), for readers compared with System.Text.Json.</summary>
internal static class JsonMutation
{
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
