using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using NodaTime;
using WelfareRules.Law.Conditions;
using WelfareRules.Legal;
using WelfareRules.Serialization;
using static System.FormattableString;

namespace WelfareRules.Law;

/// <summary>
/// Reads an instrument from a rule file (the JSON format of <c>docs/rule-files.md</c>). A file with any
/// problem is refused whole, with every problem's file, line and JSON path.
/// </summary>
public static class InstrumentReader
{
    /// <summary>The rule-file format version this library reads.</summary>
    public const int FormatVersion = 1;

    /// <summary>Reads a rule file from disk.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The instrument.</returns>
    /// <exception cref="RuleFileException">The file is malformed or contradicts itself.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or not a valid path.</exception>
    public static Instrument ReadFile(string path) => Read(File.ReadAllBytes(path), Path.GetFileName(path));

    /// <summary>Reads a rule file from UTF-8 bytes.</summary>
    /// <param name="utf8">The file's content.</param>
    /// <param name="fileName">The name used in error messages.</param>
    /// <returns>The instrument.</returns>
    /// <exception cref="RuleFileException">The file is malformed or contradicts itself.</exception>
    public static Instrument Read(ReadOnlySpan<byte> utf8, string fileName)
    {
        // Tolerate a UTF-8 byte-order mark, as editors on Windows write one.
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }
        else if (Utf16.HasMark(utf8))
        {
            throw new RuleFileException([new RuleFileProblem(new SourceLocation(fileName, 1, "$"), Utf16.Message)]);
        }

        InstrumentDto? dto;
        try
        {
            // The common shape straight from the bytes; System.Text.Json reads (and judges) anything else.
            dto = InstrumentDtoReader.TryRead(utf8) ?? JsonSerializer.Deserialize(utf8, WelfareJsonContext.Default.InstrumentDto);
        }
        catch (JsonException exception)
        {
            throw new RuleFileException([new RuleFileProblem(
                new SourceLocation(fileName, (int)(exception.LineNumber ?? 0) + 1, exception.Path ?? "$"), JsonText.Message(exception))]);
        }

        var index = JsonLineIndex.Build(utf8);
        var problems = new List<RuleFileProblem>();
        var instrument = dto is null ? null : Convert(dto, fileName, index, problems);
        if (dto is null)
        {
            problems.Add(new(new SourceLocation(fileName, 1, "$"), "the file holds no instrument (null)"));
        }

        // The checks that need no other instrument run even when the file has other problems, so that one
        // refusal lists them all.
        if (instrument is not null)
        {
            RuleSetValidator.CheckAlone(instrument, problems);
        }

        return problems.Count > 0 || instrument is null ? throw new RuleFileException([.. problems]) : instrument;
    }

    private static Instrument? Convert(InstrumentDto dto, string file, JsonLineIndex index, List<RuleFileProblem> problems)
    {
        SourceLocation At(string path) => new(file, index.LineOf(path), path);
        void Problem(string path, string message) => problems.Add(new(At(path), message));

        if (dto.Format != FormatVersion)
        {
            Problem("$.format", dto.Format is null ? string.Create(CultureInfo.InvariantCulture, $"missing \"format\": this library reads format {FormatVersion}") : Invariant($"format {dto.Format} is not supported; this library reads format {FormatVersion}"));
        }

        string id = Required(dto.Id, "$.id", "the instrument's number (số hiệu), e.g. \"20/2021/NĐ-CP\"");
        string title = Required(dto.Title, "$.title", "the Vietnamese title");
        string issuer = Required(dto.Issuer, "$.issuer", "the issuing body");
        var kind = ParseEnum<InstrumentKind>(dto.Kind, "$.kind", required: true) ?? InstrumentKind.Draft;
        var status = ParseEnum<ProvisionStatus>(dto.Status, "$.status", required: true) ?? ProvisionStatus.Provisional;
        Jurisdiction jurisdiction = Jurisdiction.Vietnam;
        if (dto.Jurisdiction is null)
        {
            Problem("$.jurisdiction", "missing \"jurisdiction\" (VN or a province code such as VN-HN)");
        }
        else if (!Jurisdiction.TryParse(dto.Jurisdiction, out jurisdiction))
        {
            Problem("$.jurisdiction", $"\"{MessageText.Cut(dto.Jurisdiction)}\" is not a jurisdiction code (VN, or VN- and a province code such as VN-HN)");
        }

        if (dto.AppliesFrom is null)
        {
            Problem("$.appliesFrom", "missing \"appliesFrom\": the first date the instrument's provisions apply to");
        }

        var appliesFrom = dto.AppliesFrom ?? LocalDate.MinIsoValue;
        var groups = ImmutableArray.CreateBuilder<GroupDefinition>();
        for (int i = 0; i < (dto.Groups?.Count ?? 0); i++)
        {
            string path = string.Create(CultureInfo.InvariantCulture, $"$.groups[{i}]");
            var g = dto.Groups![i];
            if (g is null)
            {
                Problem(path, "a group is an object, not null");
                continue;
            }

            string groupId = Required(g.Id, path + ".id", "the group's id, e.g. \"ND20-5-1\"");
            GroupEligibility? eligibility = null;
            if (g.Rule is not null == g.When is not null)
            {
                Problem(path, g.Rule is null
                    ? "missing \"when\": the group's conditions (or \"rule\", a named rule of the library)"
                    : "a group gives \"when\" (its conditions) or \"rule\" (a named rule of the library), not both");
            }
            else if (g.When is { } when)
            {
                eligibility = ReadEligibility(g, when, path, id, status, Problem);
            }
            else if (g.Bands is not null || g.PerChild is not null || g.Start is not null || g.Combine is not null || g.Benefit is not null || g.Times is not null)
            {
                Problem(path, "\"benefit\", \"bands\", \"perChild\", \"start\", \"combine\" and \"times\" go with \"when\", not with a named \"rule\"");
            }
            else if (NamedRules.Template(g.Rule!) is { } template)
            {
                // A named rule is the conditions of the group of 20/2021/NĐ-CP it is named after (Law/NamedRules.json).
                eligibility = ReadEligibility(template, template.When!.Value, path, id, status,
                    (at, message) => Problem(path + ".rule", $"the named rule \"{g.Rule}\": {message} ({at})"));
            }
            else
            {
                Problem(path + ".rule", $"unknown eligibility rule \"{MessageText.Cut(g.Rule)}\"; known rules: {string.Join(", ", NamedRules.Names)}");
            }

            string groupTitle = Required(g.Title, path + ".title", "the Vietnamese title");
            var basis = Basis(g.Basis, path, id, status);
            if (g.From is null)
            {
                Problem(path + ".from", "missing \"from\": the date the group opens");
            }

            if (basis is not null && g.From is { } from)
            {
                groups.Add(new GroupDefinition(groupId, g.Code ?? groupId, g.Rule, jurisdiction, from, groupTitle, g.TitleEn, basis, At(path), eligibility));
            }
        }

        var provisions = ImmutableArray.CreateBuilder<Provision>();
        for (int i = 0; i < (dto.Provisions?.Count ?? 0); i++)
        {
            string path = string.Create(CultureInfo.InvariantCulture, $"$.provisions[{i}]");
            var p = dto.Provisions![i];
            if (p is null)
            {
                Problem(path, "a provision is an object, not null");
                continue;
            }

            string parameter = Required(p.Parameter, path + ".parameter", "the parameter's name");
            var basis = Basis(p.Basis, path, id, status);
            if (p.From is null)
            {
                Problem(path + ".from", "missing \"from\": the first date the value applies");
            }

            decimal? value = Value(p.Value, parameter, path + ".value");
            if (basis is not null && p.From is { } from && value is { } v && parameter.Length > 0)
            {
                provisions.Add(new Provision(new ParameterKey(parameter, p.Group, p.Case), jurisdiction, from, v, basis, p.Note, At(path)));
            }
        }

        return new Instrument(id, kind, title, dto.TitleEn, issuer, jurisdiction, dto.Signed, dto.Effective, appliesFrom,
            status, dto.Source, groups.ToImmutable(), provisions.ToImmutable(), file);

        string Required(string? value, string path, string what)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Problem(path, string.Create(CultureInfo.InvariantCulture, $"missing \"{path[(path.LastIndexOf('.') + 1)..]}\": {what}"));
                return "";
            }

            return value;
        }

        T? ParseEnum<T>(string? text, string path, bool required) where T : struct, Enum
        {
            if (text is null)
            {
                if (required)
                {
                    Problem(path, string.Create(CultureInfo.InvariantCulture, $"missing \"{path[(path.LastIndexOf('.') + 1)..]}\": one of {ContractEnum<T>.Names}"));
                }

                return null;
            }

            if (ContractEnum<T>.TryParse(text, out var result))
            {
                return result;
            }

            Problem(path, string.Create(CultureInfo.InvariantCulture, $"\"{MessageText.Cut(text)}\" is not one of {ContractEnum<T>.Names}"));
            return null;
        }

        Citation? Basis(BasisDto? basis, string path, string instrumentId, ProvisionStatus instrumentStatus)
        {
            if (basis is null)
            {
                Problem(path + ".basis", "missing \"basis\": every provision cites its article (and clause and point)");
                return null;
            }

            if (string.IsNullOrWhiteSpace(basis.Article))
            {
                Problem(path + ".basis.article", "missing \"article\": every provision cites its article");
                return null;
            }

            var provisionStatus = ParseEnum<ProvisionStatus>(basis.Status, path + ".basis.status", required: false) ?? instrumentStatus;
            if (basis.Row is not null && basis.Appendix is null)
            {
                Problem(path + ".basis.row", "a row is a row of an appendix: give \"appendix\" too");
                return null;
            }

            return instrumentId.Length == 0 ? null : new Citation(instrumentId, basis.Article, basis.Clause, basis.Point, provisionStatus) { Appendix = basis.Appendix, Row = basis.Row };
        }

        decimal? Value(JsonElement? element, string parameter, string path)
        {
            if (element is not { } e || e.ValueKind == JsonValueKind.Null)
            {
                Problem(path, "missing \"value\"");
                return null;
            }

            var known = ParameterCatalog.TryGet(parameter, out var definition) ? definition : null;
            var kind = known?.Kind;
            switch (e.ValueKind)
            {
                case JsonValueKind.True or JsonValueKind.False when kind is null or ParameterKind.Switch:
                    return e.ValueKind == JsonValueKind.True ? 1m : 0m;
                case JsonValueKind.Number when kind is not ParameterKind.Switch:
                    if (!e.TryGetDecimal(out decimal number))
                    {
                        Problem(path, $"{MessageText.Cut(e.GetRawText())} is out of range for a number of the law");
                        return null;
                    }

                    if (number < 0)
                    {
                        Problem(path, Invariant($"{number} is negative; the law's amounts and factors are not"));
                        return null;
                    }

                    if (kind == ParameterKind.Amount && number != decimal.Truncate(number))
                    {
                        Problem(path, Invariant($"{number} is not a whole number of đồng"));
                        return null;
                    }

                    if (known?.Range == ValueRange.Age && number != decimal.Truncate(number))
                    {
                        Problem(path, Invariant($"{number} is not a whole number of years"));
                        return null;
                    }

                    if (known is not null && (number < known.Minimum || number > known.Maximum))
                    {
                        Problem(path, Invariant($"{number} is out of range for \"{parameter}\": {Describe(known)} from {known.Minimum:#,0.##} to {known.Maximum:#,0.##}"));
                        return null;
                    }

                    return number;
                default:
                    Problem(path, kind == ParameterKind.Switch ? "expected true or false" : "expected a number");
                    return null;
            }
        }
    }

    /// <summary>Reads a group's conditions, bands, per-child multiplier, start and combination.</summary>
    private static GroupEligibility? ReadEligibility(GroupDto g, JsonElement when, string path, string instrument, ProvisionStatus status, Action<string, string> problem)
    {
        bool merit = g.Benefit is "merit-allowance" or "merit-carer-allowance";
        var reader = new ConditionReader(instrument, status, problem, meritRecord: merit);
        var condition = reader.Read(when, path + ".when");
        var bands = ImmutableArray.CreateBuilder<GroupBand>();
        bool ok = condition is not null;
        if (g.Bands is not { } bandList)
        {
            bands.Add(new GroupBand(GroupBands.Single, null));
        }
        else if (bandList.ValueKind != JsonValueKind.Array || bandList.GetArrayLength() == 0)
        {
            problem(path + ".bands", "a non-empty list of {\"case\": ..., \"when\": ...}, the last without \"when\" (otherwise)");
            ok = false;
        }
        else
        {
            int i = 0;
            foreach (var band in bandList.EnumerateArray())
            {
                string bandPath = $"{path}.bands[{i++}]";
                if (band.ValueKind != JsonValueKind.Object || !band.TryGetProperty("case", out var @case) || @case.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(@case.GetString()))
                {
                    problem(bandPath + ".case", "a band names its case, the coefficient's case, e.g. \"under-4\"");
                    ok = false;
                    continue;
                }

                foreach (var property in band.EnumerateObject())
                {
                    if (property.Name is not ("case" or "when"))
                    {
                        problem(bandPath + "." + property.Name, $"unknown property \"{MessageText.Cut(property.Name)}\" of a band: case, when");
                        ok = false;
                    }
                }

                Condition? bandWhen = null;
                if (band.TryGetProperty("when", out var bandCondition))
                {
                    bandWhen = reader.Read(bandCondition, bandPath + ".when");
                    ok &= bandWhen is not null;
                }
                else if (i < bandList.GetArrayLength())
                {
                    problem(bandPath + ".when", "only the last band may go without \"when\"");
                    ok = false;
                }

                if (System.Linq.Enumerable.Any(bands, b => b.Case == @case.GetString()))
                {
                    problem(bandPath + ".case", $"the case \"{MessageText.Cut(@case.GetString())}\" is given twice");
                    ok = false;
                }

                bands.Add(new GroupBand(@case.GetString()!, bandWhen));
            }
        }

        ChildrenCondition? perChild = null;
        if (g.PerChild is { } perChildElement)
        {
            var read = reader.Read(perChildElement, path + ".perChild");
            perChild = read as ChildrenCondition;
            if (read is not null && perChild is null)
            {
                problem(path + ".perChild", "\"perChild\" is a children condition: {\"children\": {\"where\": ...}}");
            }

            ok &= perChild is not null;
        }

        var start = g.Start switch
        {
            null when merit => GroupStart.RecognisedMonth,
            "recognised-month" when merit => GroupStart.RecognisedMonth,
            null or "decision-month" => GroupStart.DecisionMonth,
            "certificate-month" => GroupStart.CertificateMonth,
            "age-reached" => GroupStart.AgeReached,
            _ => (GroupStart?)null,
        };
        if (start is null)
        {
            problem(path + ".start", merit
                ? $"\"{MessageText.Cut(g.Start)}\" is not recognised-month, decision-month, certificate-month or age-reached"
                : $"\"{MessageText.Cut(g.Start)}\" is not decision-month, certificate-month or age-reached (recognised-month is for merit groups)");
            ok = false;
        }

        var combine = g.Combine switch
        {
            null when merit => GroupCombination.Added,
            "takes-added" when merit => null,
            null or "highest" => GroupCombination.Highest,
            "added" => GroupCombination.Added,
            "takes-added" => GroupCombination.TakesAdded,
            _ => (GroupCombination?)null,
        };
        if (combine is null)
        {
            problem(path + ".combine", merit
                ? $"\"{MessageText.Cut(g.Combine)}\" is not added (each record's amount is paid) or highest (one highest amount of the benefit's highest groups)"
                : $"\"{MessageText.Cut(g.Combine)}\" is not highest, added or takes-added");
            ok = false;
        }

        var benefit = g.Benefit switch
        {
            null or "social-allowance" => GroupBenefit.SocialAllowance,
            "social-pension" => GroupBenefit.SocialPension,
            "health-insurance" => GroupBenefit.HealthInsurance,
            "health-insurance-local" => GroupBenefit.HealthInsuranceLocal,
            "funeral" => GroupBenefit.Funeral,
            "cremation" => GroupBenefit.Cremation,
            "disability-care-support" => GroupBenefit.DisabilityCareSupport,
            "carer-support" => GroupBenefit.CarerSupport,
            "institutional-care" => GroupBenefit.InstitutionalCare,
            "merit-allowance" => GroupBenefit.MeritAllowance,
            "merit-carer-allowance" => GroupBenefit.MeritCarerAllowance,
            _ => (GroupBenefit?)null,
        };
        if (benefit is null)
        {
            problem(path + ".benefit", $"\"{MessageText.Cut(g.Benefit)}\" is not social-allowance, social-pension, health-insurance, health-insurance-local, funeral, cremation, disability-care-support, carer-support, institutional-care, merit-allowance or merit-carer-allowance");
            ok = false;
        }
        else if (benefit == GroupBenefit.Funeral && (g.Bands is not { ValueKind: JsonValueKind.Array } funeralBands || funeralBands.GetArrayLength() != 1 || perChild is not null || g.Combine is not null))
        {
            problem(path + ".bands", "a funeral group has one band, naming its case of funeral-multiple: [{\"case\": \"allowance-recipient\"}]; no perChild or combine");
            ok = false;
        }
        else if (benefit is GroupBenefit.Cremation or GroupBenefit.DisabilityCareSupport or GroupBenefit.CarerSupport or GroupBenefit.InstitutionalCare && (g.Bands is null || perChild is not null || g.Combine is not null))
        {
            problem(path + ".bands", $"a {g.Benefit} group names its cases (of cremation-support or care-coefficient) in bands; no perChild or combine");
            ok = false;
        }
        else if (merit && perChild is not null)
        {
            problem(path + ".perChild", "a merit group is evaluated for each merit record: no perChild");
            ok = false;
        }
        else if (!merit && benefit is not (GroupBenefit.SocialAllowance or GroupBenefit.Funeral or GroupBenefit.Cremation or GroupBenefit.DisabilityCareSupport or GroupBenefit.CarerSupport or GroupBenefit.InstitutionalCare) && (g.Bands is not null || perChild is not null || g.Combine is not null))
        {
            problem(path, $"a {g.Benefit} group has one amount or share: no bands, perChild or combine");
            ok = false;
        }

        FactDefinition? times = null;
        if (g.Times is { } timesName)
        {
            if (!merit || !FactCatalog.MeritFacts.TryGetValue(timesName, out times) || times.Type != FactType.Count)
            {
                problem(path + ".times", merit
                    ? $"\"{MessageText.Cut(timesName)}\" is not a count of a merit record: {string.Join(", ", FactCatalog.MeritFacts.Values.Where(f => f.Type == FactType.Count).Select(f => f.Name).Order(StringComparer.Ordinal))}"
                    : "\"times\" multiplies a merit group's amount by a count of its record; this group is not a merit group");
                ok = false;
                times = null;
            }
        }

        return ok ? new GroupEligibility(condition!, bands.ToImmutable(), perChild, start!.Value, combine!.Value, benefit!.Value, times) : null;
    }

    /// <summary>The named eligibility rules (<c>Law/NamedRules.json</c>), read once: group templates without citations.</summary>
    private static class NamedRules
    {
        private static readonly Dictionary<string, GroupDto> Templates = Load();

        internal static IEnumerable<string> Names => System.Linq.Enumerable.Order(Templates.Keys, StringComparer.Ordinal);

        internal static GroupDto? Template(string name) => Templates.GetValueOrDefault(name);

        private static Dictionary<string, GroupDto> Load()
        {
            using var stream = typeof(InstrumentReader).Assembly.GetManifestResourceStream("WelfareRules.NamedRules.json")!;
            using var document = JsonDocument.Parse(stream);
            var templates = new Dictionary<string, GroupDto>(StringComparer.Ordinal);
            foreach (var rule in document.RootElement.EnumerateObject())
            {
                if (rule.Value.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                JsonElement? Part(string name) => rule.Value.TryGetProperty(name, out var v) ? v.Clone() : null;
                string? Text(string name) => rule.Value.TryGetProperty(name, out var v) ? v.GetString() : null;
                templates[rule.Name] = new GroupDto
                {
                    Rule = rule.Name, When = Part("when"), Bands = Part("bands"), PerChild = Part("perChild"),
                    Start = Text("start"), Combine = Text("combine"),
                };
            }

            return templates;
        }
    }

    private static string Describe(ParameterDefinition definition) => definition.Range switch
    {
        ValueRange.Share => "a share",
        ValueRange.PositiveAmount => "an amount of whole đồng",
        ValueRange.Age => "an age in whole years",
        _ => definition.Kind == ParameterKind.Amount ? "an amount of whole đồng" : "a factor",
    };
}
