using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using NodaTime;
using WelfareRules.Facts;
using WelfareRules.Law;

namespace WelfareRules.Serialization;

/// <summary>One line of a JSON Lines file: its line number and either a situation or the error that line holds.</summary>
/// <param name="Line">The 1-based line number in the file.</param>
/// <param name="Situation">The situation, or null when the line is bad.</param>
/// <param name="Error">The error, or null when the line is good.</param>
public readonly record struct SituationLine(int Line, Situation? Situation, SituationFormatException? Error)
{
    /// <summary>The line's <c>"id"</c>: the situation's, or, on a bad line, its top-level <c>"id"</c> string when it can be read; or null.</summary>
    public string? Id { get; init; } = Situation?.Id;
}

/// <summary>
/// Reads situations in the JSON format of the command-line contract (<c>docs/cli.md</c>): one
/// object, or JSON Lines. Unknown fields are refused, so that a misspelt fact never silently becomes false.
/// </summary>
public static class SituationReader
{
    /// <summary>Reads one situation from UTF-8 JSON.</summary>
    /// <param name="utf8">The JSON object.</param>
    /// <param name="source">The name used in errors (a file name, or <c>-</c>).</param>
    /// <param name="firstLine">The line the object starts on in its file.</param>
    /// <param name="month">A month overriding the situation's own, or null.</param>
    /// <returns>The situation.</returns>
    /// <exception cref="SituationFormatException">The JSON is malformed, has an unknown field, or a value is out of its domain.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="month"/> is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="month"/> is before 1900 (a default month?).</exception>
    public static Situation Parse(ReadOnlySpan<byte> utf8, string source, int firstLine = 1, YearMonth? month = null)
    {
        var values = scratch ??= new SituationValues();
        Read(utf8, source, firstLine, month, values);
        return values.ToSituation();
    }

    /// <summary>The values <see cref="Parse(ReadOnlySpan{byte}, string, int, YearMonth?)"/> reads, for each thread.</summary>
    [ThreadStatic]
    private static SituationValues? scratch;

    /// <summary>
    /// Reads one situation's values from UTF-8 JSON into <paramref name="values"/>, checked as
    /// <see cref="Parse(ReadOnlySpan{byte}, string, int, YearMonth?)"/> checks them (the same errors), without making
    /// the situation (<see cref="SituationValues.ToSituation"/> makes it).
    /// </summary>
    /// <exception cref="SituationFormatException">The JSON is malformed, has an unknown field, or a value is out of its domain.</exception>
    internal static void Read(ReadOnlySpan<byte> utf8, string source, int firstLine, YearMonth? month, SituationValues values)
    {
        Preconditions.CheckNotNull(source, nameof(source));
        Preconditions.CheckMonth(month, nameof(month));
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }
        else if (Utf16.HasMark(utf8))
        {
            throw new SituationFormatException(source, firstLine, "$", Utf16.Message);
        }

        // The common shape read straight from the bytes; anything else, and every error, as System.Text.Json reads it.
        SituationDto? dto = SituationDtoReader.TryRead(utf8);
        try
        {
            dto ??= JsonSerializer.Deserialize(utf8, WelfareJsonContext.Default.SituationDto);
        }
        catch (JsonException exception)
        {
            throw new SituationFormatException(source, firstLine + (int)(exception.LineNumber ?? 0), exception.Path ?? "$", JsonText.Message(exception));
        }

        try
        {
            Fill(dto, month, values);
        }
        catch (InvalidValue invalid)
        {
            int line = JsonLineIndex.Build(utf8, firstLine).LineOf(invalid.Path);
            throw new SituationFormatException(source, line, invalid.Path, invalid.Message);
        }
    }

    /// <summary>Reads one situation from a JSON string.</summary>
    /// <param name="json">The JSON object.</param>
    /// <param name="source">The name used in errors.</param>
    /// <param name="month">A month overriding the situation's own, or null.</param>
    /// <returns>The situation.</returns>
    /// <exception cref="SituationFormatException">The JSON is malformed or a value is out of its domain.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> or <paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="month"/> is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="month"/> is before 1900 (a default month?).</exception>
    public static Situation Parse(string json, string source = "input", YearMonth? month = null) =>
        Parse(Encoding.UTF8.GetBytes(Preconditions.CheckNotNull(json, nameof(json))), source, 1, month);

    /// <summary>
    /// Reads JSON Lines lazily, one situation per non-blank line, in order. A bad line yields its error in
    /// its place and reading goes on.
    /// </summary>
    /// <param name="reader">The text.</param>
    /// <param name="source">The name used in errors.</param>
    /// <param name="month">A month overriding each situation's own, or null.</param>
    /// <param name="linesBefore">The number of lines of the file already read before <paramref name="reader"/>'s first line, so that line numbers are the file's.</param>
    /// <returns>The lines, lazily.</returns>
    /// <remarks>Lines end at LF only (<see cref="JsonLinesReader"/>).</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> or <paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="linesBefore"/> is negative, or <paramref name="month"/> is before 1900 (a default month?).</exception>
    /// <exception cref="ArgumentException"><paramref name="month"/> is not in the ISO calendar.</exception>
    public static IEnumerable<SituationLine> ReadLines(TextReader reader, string source, YearMonth? month = null, int linesBefore = 0)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegative(linesBefore);
        Preconditions.CheckMonth(month, nameof(month));
        return ReadLinesLazily(JsonLinesReader.Of(reader), source, month, linesBefore);
    }

    /// <summary>
    /// Reads JSON Lines as <see cref="ReadLines(TextReader, string, YearMonth?, int)"/> does — the same lines, errors
    /// and numbers, in order — parsing a batch of lines at a time on up to <paramref name="maxDegreeOfParallelism"/>
    /// cores: the lines are read on the calling thread, up to <see cref="ParallelBatch"/> non-blank lines ahead of
    /// the one yielded.
    /// </summary>
    /// <param name="reader">The text.</param>
    /// <param name="source">The name used in errors.</param>
    /// <param name="month">A month overriding each situation's own, or null.</param>
    /// <param name="linesBefore">The number of lines of the file already read before <paramref name="reader"/>'s first line.</param>
    /// <param name="maxDegreeOfParallelism">The number of cores parsing; 1 reads one line at a time, as the other overload.</param>
    /// <returns>The lines, lazily, a batch at a time.</returns>
    /// <remarks>A failure to read is raised after the lines read before it are yielded.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> or <paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="linesBefore"/> is negative, <paramref name="maxDegreeOfParallelism"/> is below 1, or <paramref name="month"/> is before 1900.</exception>
    /// <exception cref="ArgumentException"><paramref name="month"/> is not in the ISO calendar.</exception>
    internal static IEnumerable<SituationLine> ReadLines(TextReader reader, string source, YearMonth? month, int linesBefore, int maxDegreeOfParallelism)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegative(linesBefore);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDegreeOfParallelism, 1);
        Preconditions.CheckMonth(month, nameof(month));
        return maxDegreeOfParallelism == 1
            ? ReadLinesLazily(JsonLinesReader.Of(reader), source, month, linesBefore)
            : ReadLinesInParallel(JsonLinesReader.Of(reader), source, month, linesBefore, maxDegreeOfParallelism);
    }

    /// <summary>The most non-blank lines <see cref="ReadLines(TextReader, string, YearMonth?, int, int)"/> reads ahead.</summary>
    internal const int ParallelBatch = 1024;

    private static IEnumerable<SituationLine> ReadLinesInParallel(JsonLinesReader reader, string source, YearMonth? month, int linesBefore, int parallelism)
    {
        // Two batches in turn: while one is parsed on the workers, this thread reads the next and then hands out the
        // one before, so reading and the caller's work overlap the parsing.
        var batches = new[] { new LineBatch(), new LineBatch() };
        int number = linesBefore;
        var current = batches[0];
        current.Read(reader, ref number);
        var parsing = current.Parse(source, month, parallelism);
        try
        {
            for (int turn = 1; ; turn++)
            {
                bool more = current.Count == ParallelBatch && current.Failure is null;
                var next = batches[turn % 2];
                if (more)
                {
                    next.Read(reader, ref number);
                }

                LineBatch.Wait(parsing);
                parsing = more ? next.Parse(source, month, parallelism) : System.Threading.Tasks.Task.CompletedTask;
                for (int i = 0; i < current.Count; i++)
                {
                    // A line whose parsing failed otherwise than as a bad line fails here, after the lines before it.
                    current.Crashes[i]?.Throw();
                    yield return current.Parsed[i];
                }

                current.Failure?.Throw();
                if (!more)
                {
                    // Read short: the input ended (it is not read again; a terminal would wait for another end).
                    yield break;
                }

                current = next;
            }
        }
        finally
        {
            // The caller stopped, or a failure is being raised: the batch being parsed is let finish first.
            TaskWaits.Ignoring(parsing);
        }
    }

    /// <summary>Up to <see cref="ParallelBatch"/> non-blank lines read, and their situations or errors once parsed.</summary>
    private sealed class LineBatch
    {
        private const int Chunk = 256;

        private readonly (int Number, string Text)[] texts = new (int, string)[ParallelBatch];

        internal SituationLine[] Parsed { get; } = new SituationLine[ParallelBatch];

        /// <summary>What a line's parsing raised other than a bad line's error, raised in the line's place.</summary>
        internal System.Runtime.ExceptionServices.ExceptionDispatchInfo?[] Crashes { get; } = new System.Runtime.ExceptionServices.ExceptionDispatchInfo?[ParallelBatch];

        internal int Count { get; private set; }

        /// <summary>A failure to read, raised once the lines read before it are handed out.</summary>
        internal System.Runtime.ExceptionServices.ExceptionDispatchInfo? Failure { get; private set; }

        internal void Read(JsonLinesReader reader, ref int number)
        {
            Count = 0;
            Failure = null;
            try
            {
                while (Count < ParallelBatch && reader.ReadLine() is { } text)
                {
                    number++;
                    if (!string.IsNullOrWhiteSpace(text))
                    {
                        texts[Count++] = (number, text);
                    }
                }
            }
            catch (Exception exception)
            {
                Failure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(exception);
            }
        }

        internal System.Threading.Tasks.Task Parse(string source, YearMonth? month, int parallelism)
        {
            int count = Count;
            if (count == 0)
            {
                return System.Threading.Tasks.Task.CompletedTask;
            }

            var options = new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = parallelism };
            return System.Threading.Tasks.Task.Run(() => System.Threading.Tasks.Parallel.For(0, (count + Chunk - 1) / Chunk, options, c =>
            {
                for (int i = c * Chunk, end = Math.Min(count, i + Chunk); i < end; i++)
                {
                    Parsed[i] = ParseOrKeep(i, source, month);
                }
            }));
        }

        [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "Kept and raised in the line's place, after the lines before it.")]
        private SituationLine ParseOrKeep(int i, string source, YearMonth? month)
        {
            Crashes[i] = null;
            try
            {
                return ParseLine(texts[i].Text, texts[i].Number, source, month);
            }
            catch (Exception crash)
            {
                Crashes[i] = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(crash);
                return default;
            }
        }

        /// <summary>Waits for a batch's parsing (a line's own failure is kept in <see cref="Crashes"/>), raising anything else as itself.</summary>
        internal static void Wait(System.Threading.Tasks.Task parsing)
        {
            try
            {
                parsing.GetAwaiter().GetResult();
            }
            catch (AggregateException failed) when (failed.InnerExceptions.Count > 0)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failed.InnerExceptions[0]);
            }
        }
    }

    private static IEnumerable<SituationLine> ReadLinesLazily(JsonLinesReader reader, string source, YearMonth? month, int linesBefore)
    {
        int number = linesBefore;
        while (reader.ReadLine() is { } text)
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            yield return ParseLine(text, number, source, month);
        }
    }

    /// <summary>One non-blank line: its situation, or its error with its id where one can be read.</summary>
    private static SituationLine ParseLine(string text, int number, string source, YearMonth? month)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        try
        {
            return new SituationLine(number, Parse(utf8, source, number, month), null);
        }
        catch (SituationFormatException error)
        {
            return new SituationLine(number, null, error) { Id = TryReadId(utf8) };
        }
    }

    /// <summary>Checks a situation's values, in the order the contract's errors are given, and fills <paramref name="values"/> with them.</summary>
    private static void Fill(SituationDto? dto, YearMonth? monthOverride, SituationValues values)
    {
        if (dto is null)
        {
            throw new InvalidValue("$", "expected a situation object, not null");
        }

        if (dto.Id is { Length: 0 or > Situation.MaxIdLength })
        {
            throw new InvalidValue("$.id", string.Create(CultureInfo.InvariantCulture, $"an id is 1 to {Situation.MaxIdLength} characters"));
        }

        if (dto.Jurisdiction is null)
        {
            throw new InvalidValue("$.jurisdiction", "missing \"jurisdiction\" (VN, VN-HN, …)");
        }

        if (!Jurisdiction.TryParse(dto.Jurisdiction, out var jurisdiction))
        {
            throw new InvalidValue("$.jurisdiction", $"\"{MessageText.Cut(dto.Jurisdiction)}\" is not a jurisdiction code (VN, or VN- and a province code such as VN-HN)");
        }

        var month = monthOverride ?? dto.Month ?? throw new InvalidValue("$.month", "missing \"month\" (yyyy-MM)");
        var p = dto.Person ?? throw new InvalidValue("$.person", "missing \"person\"");
        var birth = p.BirthDate ?? throw new InvalidValue("$.person.birthDate", "missing \"birthDate\" (yyyy-MM-dd)");
        ref var f = ref values.Facts;
        f = default;
        var h = p.Household;
        values.EscapedPovertyMonth = null;
        values.IncomePerPerson = null;
        if (h is not null)
        {
            f.Poverty = Enum<Poverty>(h.Poverty, "$.person.household.poverty");
            f.Area = Enum<Area>(h.Area, "$.person.household.area");
            f.ExtremelyDifficultArea = h.ExtremelyDifficultArea ?? false;
            values.EscapedPovertyMonth = h.EscapedPovertyMonth;
            f.AverageLivingStandardFarming = h.AverageLivingStandardFarming ?? false;
            values.IncomePerPerson = h.IncomePerPerson is null or (>= 0 and <= Household.MaxIncomePerPerson) ? h.IncomePerPerson
                : throw new InvalidValue("$.person.household.incomePerPerson", string.Create(CultureInfo.InvariantCulture, $"{h.IncomePerPerson} is not an income; expected whole đồng from 0 to {Household.MaxIncomePerPerson:#,0}"));
        }

        var children = ImmutableArray<RaisedChild>.Empty;
        if (p.ChildrenRaisedAlone is { Count: > 0 } raised)
        {
            var builder = ImmutableArray.CreateBuilder<RaisedChild>(raised.Count);
            for (int i = 0; i < raised.Count; i++)
            {
                var child = raised[i] ?? throw new InvalidValue(string.Create(CultureInfo.InvariantCulture, $"$.person.childrenRaisedAlone[{i}]"), "expected a child object, not null");
                var childBirth = child.BirthDate ?? throw new InvalidValue(string.Create(CultureInfo.InvariantCulture, $"$.person.childrenRaisedAlone[{i}].birthDate"), "missing \"birthDate\" (yyyy-MM-dd)");
                builder.Add(new RaisedChild(childBirth, child.InEducation ?? false));
            }

            children = builder.MoveToImmutable();
        }

        var merit = ImmutableArray<MeritRecord>.Empty;
        if (p.Merit is { Count: > 0 } records)
        {
            var builder = ImmutableArray.CreateBuilder<MeritRecord>(records.Count);
            for (int i = 0; i < records.Count; i++)
            {
                builder.Add(Merit(records[i], string.Create(CultureInfo.InvariantCulture, $"$.person.merit[{i}]")));
            }

            merit = builder.MoveToImmutable();
        }

        f.DeathCause = Enum<DeathCause>(p.DeathCause, "$.person.deathCause");
        values.Sex = Enum<Sex>(p.Sex, "$.person.sex");
        f.Cremated = p.Cremated ?? false;
        f.PermanentResident = p.PermanentResident ?? false;
        f.Orphanhood = Enum<Orphanhood>(p.Orphanhood, "$.person.orphanhood");
        f.InEducation = p.InEducation ?? false;
        f.HivPositive = p.HivPositive ?? false;
        f.Disability = Enum<Disability>(p.Disability, "$.person.disability");
        f.WithoutSupporter = p.WithoutSupporter ?? false;
        f.ReceivesPension = p.ReceivesPension ?? false;
        f.PensionBelowSocialPension = p.PensionBelowSocialPension ?? false;
        f.ParentReceivesAllowance = p.ParentReceivesAllowance ?? false;
        f.ParentDetained = p.ParentDetained ?? false;
        f.LivingArrangement = Enum<LivingArrangement>(p.LivingArrangement, "$.person.livingArrangement");
        f.EligibleForFacilityCare = p.EligibleForFacilityCare ?? false;
        f.Pregnant = p.Pregnant ?? false;
        f.ChildrenUnder36Months = Count(p.ChildrenUnder36Months, "$.person.childrenUnder36Months");
        f.EthnicMinority = p.EthnicMinority ?? false;
        f.Student = p.Student ?? false;
        f.HasOtherHealthInsurance = p.HasOtherHealthInsurance ?? false;
        f.HealthInsuranceHouseholdOrder = Count(p.HealthInsuranceHouseholdOrder, "$.person.healthInsuranceHouseholdOrder");
        f.HasDisabilityCertificate = p.DisabilityCertifiedOn is not null;
        f.DeathBeforeBirth = p.DeathDate is { } death && death < birth;

        values.Weight = dto.Weight is null ? 1m
            : dto.Weight is >= 0 and <= Situation.MaxWeight ? dto.Weight.Value
            : throw new InvalidValue("$.weight", string.Create(CultureInfo.InvariantCulture, $"{dto.Weight} is not a weight; expected 0 to {Situation.MaxWeight:#,0}"));
        values.Commune = dto.Commune is null or { Length: > 0 and <= 32 } ? dto.Commune
            : throw new InvalidValue("$.commune", "a commune code is 1 to 32 characters");
        values.Id = dto.Id;
        values.Jurisdiction = jurisdiction;
        values.Month = month;
        values.BirthDate = birth;
        values.DeathDate = p.DeathDate;
        values.DecisionSignedOn = p.DecisionSignedOn;
        values.DisabilityCertifiedOn = p.DisabilityCertifiedOn;
        values.ChildrenRaisedAlone = children;
        values.Merit = merit;
    }

    /// <summary>
    /// The top-level <c>"id"</c> string of a JSON object that may be malformed further on, or null: so that the error
    /// line of a situation that cannot be read still names it.
    /// </summary>
    internal static string? TryReadId(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { AllowTrailingCommas = false });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isId = reader.ValueTextEquals("id"u8);
                if (!reader.Read())
                {
                    return null;
                }

                if (isId)
                {
                    return reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 and <= Situation.MaxIdLength } id ? id : null;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Malformed before its id: the error line has none.
        }
        catch (InvalidOperationException)
        {
            // An id that is not valid text.
        }

        return null;
    }

    /// <summary>One merit record, with the facts its category needs (docs/contract.md, "Merit records").</summary>
    private static MeritRecord Merit(MeritDto? dto, string path)
    {
        if (dto is null)
        {
            throw new InvalidValue(path, "expected a merit record object, not null");
        }

        if (dto.Category is null)
        {
            throw new InvalidValue(path + ".category", $"missing \"category\" (one of {ContractEnum<MeritCategory>.Names})");
        }

        var category = Enum<MeritCategory>(dto.Category, path + ".category");
        bool byRate = category is MeritCategory.WarInvalid or MeritCategory.WarInvalidEquivalent or MeritCategory.BWarInvalid
            or MeritCategory.SickSoldier or MeritCategory.ResistanceActivistAgentOrange or MeritCategory.AgentOrangeChild;
        if (byRate && dto.Rate is null)
        {
            throw new InvalidValue(path + ".rate", $"missing \"rate\": a {dto.Category} is paid by the body-injury rate (whole percent, 0 to 100)");
        }

        if (dto.Rate is < 0 or > 100)
        {
            throw new InvalidValue(path + ".rate", string.Create(CultureInfo.InvariantCulture, $"{dto.Rate} is not a rate; expected a whole percent from 0 to 100"));
        }

        if (category == MeritCategory.Pre1945Activist && dto.Detached is null)
        {
            throw new InvalidValue(path + ".detached", "missing \"detached\": a pre-1945 activist is paid as detached (diện thoát ly) or not");
        }

        if (category == MeritCategory.RevolutionHelper && dto.Award is null)
        {
            throw new InvalidValue(path + ".award", "missing \"award\": a revolution-helper is paid by the award (to-quoc-ghi-cong or resistance-order)");
        }

        if (dto.Martyrs is < 1 or > 100)
        {
            throw new InvalidValue(path + ".martyrs", string.Create(CultureInfo.InvariantCulture, $"{dto.Martyrs} martyrs; expected 1 to 100"));
        }

        if (dto.SeniorityYears is < 0 or > 100)
        {
            throw new InvalidValue(path + ".seniorityYears", string.Create(CultureInfo.InvariantCulture, $"{dto.SeniorityYears} years; expected 0 to 100"));
        }

        var award = Enum<MeritAward>(dto.Award, path + ".award");
        if (dto.Award is not null && award == MeritAward.None)
        {
            throw new InvalidValue(path + ".award", "\"none\" is not an award; leave the field out");
        }

        return new MeritRecord(category)
        {
            Rate = dto.Rate,
            EspeciallySevere = dto.EspeciallySevere ?? false,
            Martyrs = dto.Martyrs ?? 1,
            LivesAlone = dto.LivesAlone ?? false,
            LivesWithFamily = dto.LivesWithFamily ?? true,
            Detached = dto.Detached ?? false,
            SeniorityYears = dto.SeniorityYears ?? 0,
            Award = award,
            RecognisedOn = dto.RecognisedOn,
        };
    }

    private static T Enum<T>(string? text, string path) where T : struct, System.Enum =>
        text is null ? default
            : ContractEnum<T>.TryParse(text, out var value) ? value
            : throw new InvalidValue(path, string.Create(CultureInfo.InvariantCulture, $"\"{MessageText.Cut(text)}\" is not one of {ContractEnum<T>.Names}"));

    private static int Count(int? value, string path) =>
        value is null ? 0 : value >= 0 ? value.Value : throw new InvalidValue(path, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{value} is negative; expected 0 or more"));

    private sealed class InvalidValue(string path, string message) : Exception(message)
    {
        public string Path { get; } = path;
    }
}
