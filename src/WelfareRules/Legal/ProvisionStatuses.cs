using System;
using System.Collections.Immutable;

namespace WelfareRules.Legal;

/// <summary>Operations on <see cref="ProvisionStatus"/>: the weakest of several grades, and their names.</summary>
public static class ProvisionStatuses
{
    /// <summary>The weaker of two grades.</summary>
    /// <param name="a">One grade.</param>
    /// <param name="b">The other grade.</param>
    /// <returns><paramref name="a"/> or <paramref name="b"/>, whichever claims less.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="a"/> or <paramref name="b"/> is not a defined grade.</exception>
    public static ProvisionStatus Weaker(ProvisionStatus a, ProvisionStatus b) =>
        Preconditions.CheckDefined(a, nameof(a)) >= Preconditions.CheckDefined(b, nameof(b)) ? a : b;

    /// <summary>The weakest grade among the citations: <see cref="ProvisionStatus.Verified"/> when there are none.</summary>
    /// <param name="basis">The citations behind a figure.</param>
    /// <returns>The grade of the figure.</returns>
    public static ProvisionStatus Weakest(ImmutableArray<Citation> basis) => Weakest(basis.AsSpan());

    /// <summary>The weakest grade among the citations: <see cref="ProvisionStatus.Verified"/> when there are none.</summary>
    /// <param name="basis">The citations behind a figure.</param>
    /// <returns>The grade of the figure.</returns>
    public static ProvisionStatus Weakest(ReadOnlySpan<Citation> basis)
    {
        var weakest = ProvisionStatus.Verified;
        foreach (var citation in basis)
        {
            weakest = weakest >= citation.Status ? weakest : citation.Status;
        }

        return weakest;
    }

    /// <summary>Whether a figure of grade <paramref name="status"/> may be used when only <paramref name="admitted"/> or stronger is admitted.</summary>
    /// <param name="status">The figure's grade.</param>
    /// <param name="admitted">The weakest grade admitted.</param>
    /// <returns>True when <paramref name="status"/> is at least as strong as <paramref name="admitted"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> or <paramref name="admitted"/> is not a defined grade.</exception>
    public static bool IsAdmitted(this ProvisionStatus status, ProvisionStatus admitted) =>
        Preconditions.CheckDefined(status, nameof(status)) <= Preconditions.CheckDefined(admitted, nameof(admitted));

    /// <summary>The grade's name in the contract: <c>verified</c>, <c>reported</c> or <c>provisional</c>.</summary>
    /// <param name="status">The grade.</param>
    /// <returns>Its contract name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not a defined grade.</exception>
    public static string ContractName(this ProvisionStatus status) => status switch
    {
        ProvisionStatus.Verified => "verified",
        ProvisionStatus.Reported => "reported",
        ProvisionStatus.Provisional => "provisional",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "not a provision status"),
    };

    /// <summary>The grade's Vietnamese name: <c>đã đối chiếu văn bản</c>, <c>theo nguồn thứ cấp</c> or <c>chưa xác minh</c>.</summary>
    /// <param name="status">The grade.</param>
    /// <returns>Its Vietnamese name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not a defined grade.</exception>
    public static string VietnameseName(this ProvisionStatus status) => status switch
    {
        ProvisionStatus.Verified => "đã đối chiếu văn bản",
        ProvisionStatus.Reported => "theo nguồn thứ cấp",
        ProvisionStatus.Provisional => "chưa xác minh",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "not a provision status"),
    };
}
