using NodaTime;

namespace WelfareRules.Facts;

/// <summary>A child raised by a single parent (ND 20 Art 5 k4).</summary>
/// <param name="BirthDate">The child's date of birth.</param>
/// <param name="InEducation">Whether the child is in general education, vocational training, college or a first university degree.</param>
/// <exception cref="System.ArgumentException"><paramref name="BirthDate"/> is not in the ISO calendar.</exception>
/// <exception cref="System.ArgumentOutOfRangeException"><paramref name="BirthDate"/> is before 1900 (such as <c>default</c>).</exception>
public sealed record RaisedChild(LocalDate BirthDate, bool InEducation = false)
{
    /// <summary>The child's date of birth (ISO calendar, from 1900).</summary>
    /// <exception cref="System.ArgumentException">The date is not in the ISO calendar.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException">The date is before 1900 (such as <c>default</c>).</exception>
    public LocalDate BirthDate { get; init => field = Preconditions.CheckDate(value, nameof(BirthDate)); } = Preconditions.CheckDate(BirthDate, nameof(BirthDate));
}
