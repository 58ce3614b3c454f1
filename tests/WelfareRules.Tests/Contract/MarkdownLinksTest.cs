using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace WelfareRules.Tests.Contract;

/// <summary>The repository's Markdown files: relative links lead to files that exist, and nothing points outside the repository.</summary>
public sealed partial class MarkdownLinksTest
{
    [Fact]
    public void Markdown_RelativeLinks_PointToExistingFiles()
    {
        var broken = new List<string>();
        foreach (string file in MarkdownFiles())
        {
            string text = FencedBlock().Replace(File.ReadAllText(file), "");
            foreach (Match link in Link().Matches(text))
            {
                string target = link.Groups[1].Value;
                if (target.StartsWith('#') || target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
                {
                    continue;
                }

                string path = Uri.UnescapeDataString(target.Split('#')[0]);
                string resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, path));
                if (!File.Exists(resolved) && !Directory.Exists(resolved))
                {
                    broken.Add($"{Path.GetRelativePath(ContractSchemaTest.Root, file)}: {target}");
                }
            }
        }

        Assert.True(broken.Count == 0, "broken links:\n" + string.Join("\n", broken));
    }

    [Fact]
    public void Markdown_NoFile_MentionsSpecOrSharedPaths()
    {
        var found = new List<string>();
        foreach (string file in MarkdownFiles())
        {
            string[] lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                // Web addresses are not paths of this machine (semver.org/spec/...).
                string line = Url().Replace(lines[i], "");
                if (OutsidePath().IsMatch(line))
                {
                    found.Add($"{Path.GetRelativePath(ContractSchemaTest.Root, file)} line {i + 1}: {lines[i].Trim()}");
                }
            }
        }

        Assert.True(found.Count == 0, "paths outside the repository:\n" + string.Join("\n", found));
    }

    [Fact]
    public void MarkdownFiles_IncludeReadmeAndContract()
    {
        var names = MarkdownFiles().Select(f => Path.GetRelativePath(ContractSchemaTest.Root, f).Replace('\\', '/')).ToList();

        Assert.Contains("README.md", names);
        Assert.Contains("docs/contract.md", names);
    }

    private static IEnumerable<string> MarkdownFiles() =>
        Directory.EnumerateFiles(ContractSchemaTest.Root, "*.md", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(ContractSchemaTest.Root, f).Split(Path.DirectorySeparatorChar)
                .Any(part => part is "bin" or "obj" or ".git" or "artifacts" or "BenchmarkDotNet.Artifacts" or "TestResults" || part.StartsWith('.')));

    [GeneratedRegex(@"\]\(\s*<?([^)\s>]+)>?(?:\s+""[^""]*"")?\s*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^(```|~~~).*?^\1", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedBlock();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Url();

    [GeneratedRegex(@"(^|[^A-Za-z0-9_.-])(spec|shared)/")]
    private static partial Regex OutsidePath();
}
