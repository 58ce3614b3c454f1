using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;
using WelfareRules.Legal;
using WelfareRules.Serialization;

namespace WelfareRules.Law.Building;

/// <summary>From which month a group built in code is paid (a rule file's <c>start</c>).</summary>
public enum GroupStart
{
    /// <summary>The month the decision is signed (<c>decision-month</c>).</summary>
    DecisionMonth = 0,

    /// <summary>The month the disability certificate is issued (<c>certificate-month</c>).</summary>
    CertificateMonth = 1,

    /// <summary>From the month the age is reached (<c>age-reached</c>).</summary>
    AgeReached = 2,
}

/// <summary>How a group built in code combines with others (a rule file's <c>combine</c>).</summary>
public enum GroupCombine
{
    /// <summary>Only the single highest amount (<c>highest</c>).</summary>
    Highest = 0,

    /// <summary>Paid on top of one <see cref="TakesAdded"/> group (<c>added</c>, as K4).</summary>
    Added = 1,

    /// <summary>A highest group to which an <see cref="Added"/> group's amount may be added (<c>takes-added</c>).</summary>
    TakesAdded = 2,
}

/// <summary>The benefit a group built in code belongs to (a rule file's <c>benefit</c>).</summary>
public enum GroupBenefitKind
{
    /// <summary>The monthly social allowance (<c>social-allowance</c>).</summary>
    SocialAllowance = 0,

    /// <summary>The social pension (<c>social-pension</c>).</summary>
    SocialPension = 1,

    /// <summary>A national health-insurance group (<c>health-insurance</c>): its share is <c>health-insurance-share</c>.</summary>
    HealthInsurance = 2,

    /// <summary>A province's health-insurance group (<c>health-insurance-local</c>): its share is <c>health-insurance-local-share</c>.</summary>
    HealthInsuranceLocal = 3,
}

/// <summary>A band of a group built in code: its case, and the condition that chooses it (null: otherwise).</summary>
public sealed record Band
{
    /// <summary>Creates a band.</summary>
    /// <param name="case">The case, e.g. <c>under-4</c>; the group's coefficient for it is a provision.</param>
    /// <param name="when">The condition, or null for the last band.</param>
    /// <exception cref="ArgumentNullException"><paramref name="case"/> is null.</exception>
    public Band(string @case, ConditionSpec? when = null)
    {
        Case = @case;
        When = when;
    }

    /// <summary>The case.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public string Case { get; init => field = Preconditions.CheckNotNull(value, nameof(Case)); }

    /// <summary>The condition that chooses the band, or null for "otherwise".</summary>
    public ConditionSpec? When { get; init; }
}

/// <summary>
/// Builds an instrument in code — a draft inside a unit test, a province's resolution in an application — with the
/// same result as the rule file: the builder writes the file's JSON and reads it with <see cref="InstrumentReader"/>,
/// so every check of a file applies, and <see cref="ToJson"/> gives the file to keep.
/// </summary>
/// <example>
/// <code>
/// var draft = new InstrumentBuilder("DRAFT-70", InstrumentKind.Draft, "Dự thảo", "Chính phủ", Jurisdiction.Vietnam,
///         new LocalDate(2027, 1, 1), ProvisionStatus.Provisional)
///     .Age("social-pension", new LocalDate(2027, 1, 1), 70, new ProvisionBasis("1"))
///     .Build();
/// </code>
/// </example>
public sealed class InstrumentBuilder
{
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly JsonObject json;
    private readonly JsonArray groups = [];
    private readonly JsonArray provisions = [];

    /// <summary>Starts an instrument.</summary>
    /// <param name="id">The instrument's number (số hiệu), cited in every result.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="title">The Vietnamese title.</param>
    /// <param name="issuer">The issuing body.</param>
    /// <param name="jurisdiction">Where it applies.</param>
    /// <param name="appliesFrom">The first date its provisions may apply.</param>
    /// <param name="status">The default grade of its provisions and groups.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/>, <paramref name="title"/>, <paramref name="issuer"/> or <paramref name="jurisdiction"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> or <paramref name="status"/> is not a defined value, or <paramref name="appliesFrom"/> is the default date.</exception>
    /// <exception cref="ArgumentException"><paramref name="appliesFrom"/> is not in the ISO calendar.</exception>
    public InstrumentBuilder(string id, InstrumentKind kind, string title, string issuer, Jurisdiction jurisdiction, LocalDate appliesFrom, ProvisionStatus status)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(jurisdiction);
        Preconditions.CheckDefined(kind, nameof(kind));
        Preconditions.CheckDefined(status, nameof(status));
        Preconditions.CheckDate(appliesFrom, nameof(appliesFrom));
        json = new JsonObject
        {
            ["format"] = InstrumentReader.FormatVersion,
            ["id"] = id,
            ["kind"] = ContractEnum<InstrumentKind>.Spell(kind),
            ["title"] = title,
            ["issuer"] = issuer,
            ["jurisdiction"] = jurisdiction.Code,
            ["appliesFrom"] = Date(appliesFrom),
            ["status"] = status.ContractName(),
        };
    }

    /// <summary>Sets the English title, the signing and in-force dates, the source or a note.</summary>
    /// <param name="titleEnglish">The English title, or null.</param>
    /// <param name="signed">The signing date, or null.</param>
    /// <param name="effective">The date it takes effect, or null.</param>
    /// <param name="source">Where the text was checked, or null.</param>
    /// <param name="note">A note, or null.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A date is the default date.</exception>
    /// <exception cref="ArgumentException">A date is not in the ISO calendar.</exception>
    public InstrumentBuilder Describe(string? titleEnglish = null, LocalDate? signed = null, LocalDate? effective = null, string? source = null, string? note = null)
    {
        Set("titleEn", titleEnglish);
        Set("signed", Preconditions.CheckDate(signed, nameof(signed)) is { } s ? Date(s) : null);
        Set("effective", Preconditions.CheckDate(effective, nameof(effective)) is { } e ? Date(e) : null);
        Set("source", source);
        Set("note", note);
        return this;
    }

    /// <summary>Adds a dated value of a parameter (an amount, a coefficient, a share…).</summary>
    /// <param name="parameter">The parameter's name (<c>docs/rule-files.md</c>, "Parameter catalogue").</param>
    /// <param name="from">The first date the value applies.</param>
    /// <param name="value">The value.</param>
    /// <param name="basis">The provision it rests on.</param>
    /// <param name="group">The group, for a parameter set per group (<c>coefficient</c>, <c>group-open</c>), or null.</param>
    /// <param name="case">The case, for a parameter set per case, or null.</param>
    /// <param name="note">A note, or null.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="parameter"/> or <paramref name="basis"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="from"/> is the default date.</exception>
    /// <exception cref="ArgumentException"><paramref name="from"/> is not in the ISO calendar.</exception>
    public InstrumentBuilder Provision(string parameter, LocalDate from, decimal value, ProvisionBasis basis, string? group = null, string? @case = null, string? note = null) =>
        AddProvision(parameter, from, JsonValue.Create(value), basis, group, @case, note);

    /// <summary>Adds a dated switch (<c>group-open</c>, or any parameter of kind switch).</summary>
    /// <param name="parameter">The parameter's name.</param>
    /// <param name="from">The first date the value applies.</param>
    /// <param name="on">The value.</param>
    /// <param name="basis">The provision it rests on.</param>
    /// <param name="group">The group, or null.</param>
    /// <param name="note">A note, or null.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="parameter"/> or <paramref name="basis"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="from"/> is the default date.</exception>
    /// <exception cref="ArgumentException"><paramref name="from"/> is not in the ISO calendar.</exception>
    public InstrumentBuilder Switch(string parameter, LocalDate from, bool on, ProvisionBasis basis, string? group = null, string? note = null) =>
        AddProvision(parameter, from, JsonValue.Create(on), basis, group, null, note);

    /// <summary>Adds a dated age (a case of the <c>age</c> parameter), in completed years.</summary>
    /// <param name="ageCase">The age's case, e.g. <c>social-pension</c>.</param>
    /// <param name="from">The first date the value applies.</param>
    /// <param name="years">The age.</param>
    /// <param name="basis">The provision it rests on.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ageCase"/> or <paramref name="basis"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="from"/> is the default date.</exception>
    /// <exception cref="ArgumentException"><paramref name="from"/> is not in the ISO calendar.</exception>
    public InstrumentBuilder Age(string ageCase, LocalDate from, int years, ProvisionBasis basis)
    {
        ArgumentNullException.ThrowIfNull(ageCase);
        return AddProvision(ParameterCatalog.Age, from, JsonValue.Create(years), basis, null, ageCase, null);
    }

    /// <summary>Adds a group stated by its conditions.</summary>
    /// <param name="id">The group's id, e.g. <c>ZZ-1</c>.</param>
    /// <param name="code">A short code, e.g. <c>ZZ1</c>.</param>
    /// <param name="from">The date it opens.</param>
    /// <param name="title">The Vietnamese title.</param>
    /// <param name="basis">The provision defining it.</param>
    /// <param name="when">Who it admits.</param>
    /// <param name="bands">Its bands, in order (none: one case, <c>single</c>).</param>
    /// <param name="titleEnglish">An English title, or null.</param>
    /// <param name="perChild">A children condition multiplying the coefficient by the children who meet it, or null.</param>
    /// <param name="start">From which month it is paid.</param>
    /// <param name="combine">How it combines with other groups.</param>
    /// <param name="benefit">The benefit it belongs to.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/>, <paramref name="code"/>, <paramref name="title"/>, <paramref name="basis"/> or <paramref name="when"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="from"/> is the default date, or <paramref name="start"/>, <paramref name="combine"/> or <paramref name="benefit"/> is not a defined value.</exception>
    /// <exception cref="ArgumentException"><paramref name="from"/> is not in the ISO calendar.</exception>
    public InstrumentBuilder Group(string id, string code, LocalDate from, string title, ProvisionBasis basis, ConditionSpec when,
        IEnumerable<Band>? bands = null, string? titleEnglish = null, ConditionSpec? perChild = null,
        GroupStart start = GroupStart.DecisionMonth, GroupCombine combine = GroupCombine.Highest, GroupBenefitKind benefit = GroupBenefitKind.SocialAllowance)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(basis);
        ArgumentNullException.ThrowIfNull(when);
        Preconditions.CheckDate(from, nameof(from));
        Preconditions.CheckDefined(start, nameof(start));
        Preconditions.CheckDefined(combine, nameof(combine));
        Preconditions.CheckDefined(benefit, nameof(benefit));
        var group = new JsonObject { ["id"] = id, ["code"] = code, ["from"] = Date(from), ["title"] = title };
        if (titleEnglish is not null)
        {
            group["titleEn"] = titleEnglish;
        }

        group["basis"] = basis.ToJson();
        if (benefit != GroupBenefitKind.SocialAllowance)
        {
            group["benefit"] = benefit switch
            {
                GroupBenefitKind.SocialPension => "social-pension",
                GroupBenefitKind.HealthInsurance => "health-insurance",
                _ => "health-insurance-local",
            };
        }

        group["when"] = when.ToJson();
        if (bands is not null)
        {
            group["bands"] = new JsonArray([.. bands.Select(b =>
            {
                var band = new JsonObject { ["case"] = b.Case };
                if (b.When is not null)
                {
                    band["when"] = b.When.ToJson();
                }

                return (JsonNode?)band;
            })]);
        }

        if (perChild is not null)
        {
            group["perChild"] = perChild.ToJson();
        }

        group["start"] = start switch { GroupStart.CertificateMonth => "certificate-month", GroupStart.AgeReached => "age-reached", _ => "decision-month" };
        if (benefit == GroupBenefitKind.SocialAllowance)
        {
            group["combine"] = combine switch { GroupCombine.Added => "added", GroupCombine.TakesAdded => "takes-added", _ => "highest" };
        }

        groups.Add((JsonNode)group);
        return this;
    }

    /// <summary>The instrument, read and checked as a rule file is.</summary>
    /// <returns>The instrument.</returns>
    /// <exception cref="RuleFileException">The instrument is malformed or contradicts itself; each problem names its JSON path.</exception>
    public Instrument Build()
    {
        var id = json["id"]!.GetValue<string>();
        return InstrumentReader.Read(Encoding.UTF8.GetBytes(ToJson()), id + " (built in code)");
    }

    /// <summary>The instrument as a rule file (<c>docs/rule-files.md</c>), to keep or to pass to <c>welfare-rules --rules</c>.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson()
    {
        var file = (JsonObject)json.DeepClone();
        if (groups.Count > 0)
        {
            file["groups"] = groups.DeepClone();
        }

        file["provisions"] = provisions.DeepClone();
        return file.ToJsonString(Pretty);
    }

    private InstrumentBuilder AddProvision(string parameter, LocalDate from, JsonNode? value, ProvisionBasis basis, string? group, string? @case, string? note)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(basis);
        Preconditions.CheckDate(from, nameof(from));
        var provision = new JsonObject { ["parameter"] = parameter };
        if (group is not null)
        {
            provision["group"] = group;
        }

        if (@case is not null)
        {
            provision["case"] = @case;
        }

        provision["from"] = Date(from);
        provision["value"] = value;
        provision["basis"] = basis.ToJson();
        if (note is not null)
        {
            provision["note"] = note;
        }

        provisions.Add((JsonNode)provision);
        return this;
    }

    private void Set(string name, string? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }

    private static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
