using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace WelfareRules.Law;

/// <summary>
/// Where law applies: the country (<c>VN</c>) or a province beneath it, named by its ISO 3166-2 code
/// (<c>VN-HN</c> for Hà Nội). A province's law applies on top of the national law.
/// </summary>
/// <remarks>Immutable and thread-safe; equality is by code (ordinal, upper case).</remarks>
public sealed partial record Jurisdiction
{
    /// <summary>The country: national law only.</summary>
    public static Jurisdiction Vietnam { get; } = new("VN");

    /// <summary>Hà Nội (Hanoi), beneath <see cref="Vietnam"/>.</summary>
    public static Jurisdiction Hanoi { get; } = new("VN-HN");

    private Jurisdiction(string code) => Code = code;

    /// <summary>The ISO 3166-2 code, e.g. <c>VN</c> or <c>VN-HN</c>.</summary>
    public string Code { get; }

    /// <summary>
    /// The name a Vietnamese text gives the jurisdiction: <c>Việt Nam</c>, and for the five centrally run cities their
    /// names (<c>Hà Nội</c>, <c>Thành phố Hồ Chí Minh</c>, <c>Đà Nẵng</c>, <c>Hải Phòng</c>, <c>Cần Thơ</c>); for any other
    /// province its code.
    /// </summary>
    public string VietnameseName => Code switch
    {
        "VN" => "Việt Nam",
        "VN-HN" => "Hà Nội",
        "VN-SG" => "Thành phố Hồ Chí Minh",
        "VN-DN" => "Đà Nẵng",
        "VN-HP" => "Hải Phòng",
        "VN-CT" => "Cần Thơ",
        _ => Code,
    };

    /// <summary>The jurisdiction above this one, or null for the country.</summary>
    public Jurisdiction? Parent => Code.Length > 2 ? Vietnam : null;

    /// <summary>Whether this is the country itself.</summary>
    public bool IsNational => Code.Length == 2;

    /// <summary>Parses a code such as <c>VN</c> or <c>VN-HN</c>.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The jurisdiction.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    /// <exception cref="FormatException">The code is not <c>VN</c> or <c>VN-</c> followed by one to three letters or digits.</exception>
    public static Jurisdiction Parse(string code) =>
        TryParse(Preconditions.CheckNotNull(code, nameof(code)), out var result) ? result
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"\"{code}\" is not a jurisdiction code (VN, or VN- and a province code such as VN-HN)"));

    /// <summary>Tries to parse a jurisdiction code.</summary>
    /// <param name="code">The code.</param>
    /// <param name="result">The jurisdiction, when the code is valid.</param>
    /// <returns>Whether the code is valid.</returns>
    public static bool TryParse(string? code, out Jurisdiction result)
    {
        // The two codes of the built-in law first: nearly every situation names one, and they need no pattern.
        switch (code)
        {
            case "VN":
                result = Vietnam;
                return true;
            case "VN-HN":
                result = Hanoi;
                return true;
        }

        result = Vietnam;
        if (code is null || !CodePattern().IsMatch(code))
        {
            return false;
        }

        result = new Jurisdiction(code);
        return true;
    }

    /// <summary>Whether law made for <paramref name="other"/> applies here: the same jurisdiction or one above it.</summary>
    /// <param name="other">The jurisdiction an instrument was made for.</param>
    /// <returns>Whether its law applies in this jurisdiction.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    public bool IsWithin(Jurisdiction other) => Preconditions.CheckNotNull(other, nameof(other)) == this || (Parent is { } parent && parent.IsWithin(other));

    /// <summary>The code.</summary>
    /// <returns>The code.</returns>
    public override string ToString() => Code;

    [GeneratedRegex(@"\AVN(-[A-Z0-9]{1,3})?\z", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
