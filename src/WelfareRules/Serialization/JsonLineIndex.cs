using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace WelfareRules.Serialization;

/// <summary>
/// Maps the JSON paths of a document (<c>$.provisions[3].from</c>) to the 1-based line where each
/// value starts, so that errors found after parsing still name the line.
/// </summary>
internal sealed class JsonLineIndex
{
    private readonly Dictionary<string, int> lines;

    private JsonLineIndex(Dictionary<string, int> lines) => this.lines = lines;

    /// <summary>The line of a path, or of its nearest recorded ancestor, or 1.</summary>
    internal int LineOf(string path)
    {
        for (string p = path; ; )
        {
            if (lines.TryGetValue(p, out int line))
            {
                return line;
            }

            int cut = Math.Max(p.LastIndexOf('.'), p.LastIndexOf('['));
            if (cut <= 0)
            {
                return 1;
            }

            p = p[..cut];
        }
    }

    /// <summary>Indexes a document; a document that does not parse yields an index of what was read before the error.</summary>
    internal static JsonLineIndex Build(ReadOnlySpan<byte> utf8, int firstLine = 1)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var stack = new Stack<(bool IsArray, string Path, int Index)>();
        int line = firstLine;
        long scanned = 0;
        string? pendingProperty = null;
        try
        {
            while (reader.Read())
            {
                long start = reader.TokenStartIndex;
                for (long i = scanned; i < start; i++)
                {
                    if (utf8[(int)i] == (byte)'\n')
                    {
                        line++;
                    }
                }

                scanned = start;
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    pendingProperty = reader.GetString();
                    continue;
                }

                if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    stack.Pop();
                    continue;
                }

                string path;
                if (stack.Count == 0)
                {
                    path = "$";
                }
                else if (stack.Peek().IsArray)
                {
                    var (isArray, parent, index) = stack.Pop();
                    path = string.Create(CultureInfo.InvariantCulture, $"{parent}[{index}]");
                    stack.Push((isArray, parent, index + 1));
                }
                else
                {
                    path = stack.Peek().Path + "." + pendingProperty;
                }

                lines.TryAdd(path, line);
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    stack.Push((reader.TokenType == JsonTokenType.StartArray, path, 0));
                }
            }
        }
        catch (JsonException)
        {
            // The parse error itself is reported by the deserializer, with its own position.
        }

        return new JsonLineIndex(lines);
    }

    internal static string Describe(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8);
}
