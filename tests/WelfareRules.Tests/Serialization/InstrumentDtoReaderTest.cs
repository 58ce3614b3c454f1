using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using WelfareRules.Law;
using WelfareRules.Serialization;
using Xunit;

namespace WelfareRules.Tests.Serialization;

/// <summary>
/// The fast reader of a rule file's JSON against System.Text.Json: wherever it gives a DTO, System.Text.Json gives an
/// equal one, over every rule file of the repository and their mutations; and it reads the built-in law and the drafts itself.
/// </summary>
public sealed class InstrumentDtoReaderTest
{
    private static readonly string[] Tokens =
    [
        "", "\"", "{", "}", "[", "]", ",", ":", "0", "-", "x", "null", "\\", " ", "true", "false", "1.5", "1e2", "-1", "2147483648",
        "\"2024-02-30\"", "\"1899-12-31\"", "\"2024-1-05\"", "\"\\u0032024-01-05\"", "\"Title\"", "\"title\"", "\"when\"", "\"basis\"",
        "\"groups\"", "\"value\"", "\"\\u0069d\"", "/* */", "\u00e9", "[]", "{}", "\"x\":1,",
    ];

    [Fact]
    public void TryRead_BuiltInLawAndDrafts_ReadsEveryFileAsSystemTextJsonDoes()
    {
        var files = BuiltInFiles().Concat(Directory.GetFiles(RepositoryFiles.Docs("policy-example"), "*.json").Select(f => (Name: Path.GetFileName(f), Utf8: File.ReadAllBytes(f)))).ToList();
        Assert.True(files.Count > 20, $"{files.Count} rule files");
        Assert.All(files, file => Assert.True(Check(file.Utf8), file.Name + " was left to System.Text.Json"));
    }

    [Fact]
    public void TryRead_RuleFilesMutated_GivesWhatSystemTextJsonGivesOrNothing()
    {
        var random = new Random(2_027);
        var files = BuiltInFiles()
            .Concat(Directory.GetFiles(RepositoryFiles.Docs("policy-example"), "*.json").Select(f => (Name: Path.GetFileName(f), Utf8: File.ReadAllBytes(f))))
            .Concat(Directory.GetFiles(Path.Combine(RepositoryFiles.RootFolder, "tests", "WelfareRules.Tests", "TestData"), "*.json", SearchOption.AllDirectories)
                .Select(f => (Name: Path.GetFileName(f), Utf8: File.ReadAllBytes(f))))
            .ToList();
        int mutations = 0, read = 0;
        foreach (var (_, utf8) in files)
        {
            string text = Encoding.UTF8.GetString(utf8);
            for (int m = 0; m < 40; m++)
            {
                mutations++;
                read += Check(Encoding.UTF8.GetBytes(JsonMutation.Mutate(text, random, Tokens))) ? 1 : 0;
            }
        }

        // Many mutations stay valid (a changed value, white space) and are read; the rest are left to System.Text.Json.
        Assert.True(read > mutations / 20 && read < mutations, $"{read} of {mutations} mutated files read");
    }

    [Theory]
    [InlineData("""{"format":1,"id":"x","id":"y"}""")]
    [InlineData("""{"format":1,"unknown":1}""")]
    [InlineData("""{"format":"1"}""")]
    [InlineData("""{"format":1.0}""")]
    [InlineData("""{"format":1,"groups":[null]}""")]
    [InlineData("""{"format":1,"groups":[{"id":"a","when":null}]}""")]
    [InlineData("""{"format":1,"provisions":[{"parameter":"a","value":null}]}""")]
    [InlineData("""{"format":1,"provisions":[{"parameter":"a","basis":null}]}""")]
    [InlineData("""{"format":1,"provisions":[{"parameter":"a","basis":{"article":"1","row":2}}]}""")]
    [InlineData("""{"format":1,"appliesFrom":"2027-02-30"}""")]
    [InlineData("""{"format":1} {}""")]
    [InlineData("""{"format":1,}""")]
    [InlineData("""{"format":1}/**/""")]
    [InlineData("""null""")]
    [InlineData("""[]""")]
    [InlineData("""{"format":1""")]
    [InlineData("""{"format":1,"groups":[{"id":"a","when":{"fact":"x","fact":"y"}}]}""")]
    [InlineData("""{"format":1,"groups":[{"id":"a","when":{"all":[{"fact":"x","is":true,"is":false}]}}]}""")]
    [InlineData("""{"format":1,"groups":[{"id":"a","bands":[{"case":"a","case":"b"}]}]}""")]
    [InlineData("""{"format":1,"provisions":[{"parameter":"a","value":{"a":1,"\u0061":2}}]}""")]
    public void TryRead_FileSystemTextJsonMustJudge_GivesNothing(string json)
    {
        Assert.Null(InstrumentDtoReader.TryRead(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void Read_KeyTwiceInsideACondition_Refused()
    {
        // Never last-one-wins (docs/rule-files.md), inside a condition as at the top: the fast reader leaves such a file to
        // System.Text.Json, which refuses it.
        const string Draft = """
            {
              "format": 1, "id": "DRAFT-TWICE", "kind": "draft", "title": "Dự thảo", "issuer": "test", "jurisdiction": "VN", "appliesFrom": "2027-01-01", "status": "provisional",
              "groups": [ { "id": "ZZ-TWICE", "code": "ZZT", "from": "2027-01-01", "title": "Nhóm giả định", "basis": { "article": "1" },
                            "when": { "fact": "pregnant", "is": true, "is": false } } ],
              "provisions": [ { "parameter": "coefficient", "group": "ZZ-TWICE", "case": "single", "from": "2027-01-01", "value": 1, "basis": { "article": "1" } } ]
            }
            """;
        var refused = Assert.Throws<RuleFileException>(() => InstrumentReader.Read(Encoding.UTF8.GetBytes(Draft), "twice.json"));
        // Refused for the key given twice, where it is (the same file with "is" once is a valid draft).
        Assert.Contains(refused.Problems, p => p.Location.File == "twice.json" && p.Location.Path == "$.groups[0].when" && p.Message.Contains("duplicate property \"is\"", StringComparison.Ordinal));
        Assert.NotNull(InstrumentReader.Read(Encoding.UTF8.GetBytes(Draft.Replace("\"is\": true, \"is\": false", "\"is\": true", StringComparison.Ordinal)), "once.json"));
        Assert.Null(InstrumentDtoReader.TryRead(Encoding.UTF8.GetBytes(Draft)));
    }

    [Theory]
    [InlineData(""" { "format" : 1 , "id" : "\u0031/2027", "groups" : [ ] , "provisions" : null } """)]
    [InlineData("""{"groups":[{"id":"a","when":{"all":[]},"bands":[1,{"x":[null]}],"basis":{"article":"2","clause":null}}],"provisions":[{"parameter":"p","value":"1.50","from":"2027-01-01"}]}""")]
    [InlineData("""{}""")]
    [InlineData("""{"format":null,"signed":null,"groups":null}""")]
    public void TryRead_WhiteSpaceEscapesAndNulls_GivesWhatSystemTextJsonGives(string json)
    {
        Assert.True(Check(Encoding.UTF8.GetBytes(json)), json);
    }

    private static IEnumerable<(string Name, byte[] Utf8)> BuiltInFiles()
    {
        var assembly = typeof(RuleSet).Assembly;
        foreach (string name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("WelfareRules.Law.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            yield return (name, buffer.ToArray());
        }
    }

    /// <summary>Whether the fast reader read the file; fails when it gives what System.Text.Json does not.</summary>
    private static bool Check(byte[] utf8) => JsonMutation.ReadAlike(utf8, InstrumentDtoReader.TryRead(utf8), WelfareJsonContext.Default.InstrumentDto);
}
