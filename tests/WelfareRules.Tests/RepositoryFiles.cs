using System;
using System.IO;

namespace WelfareRules.Tests;

/// <summary>Files of the repository the tests read (the docs' examples, drafts and pages), found from the test's folder.</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "WelfareRules.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("the tests run outside the repository: WelfareRules.sln not found above " + AppContext.BaseDirectory);
    });

    /// <summary>The repository's root folder.</summary>
    internal static string RootFolder => Root.Value;

    /// <summary>A path under <c>docs/</c>.</summary>
    internal static string Docs(params string[] parts) => Path.Combine([Root.Value, "docs", .. parts]);

    /// <summary>A draft of <c>docs/policy-example/</c>.</summary>
    internal static string PolicyExample(string file) => Docs("policy-example", file);
}
