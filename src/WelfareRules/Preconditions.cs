using System;
using System.Diagnostics.CodeAnalysis;

namespace WelfareRules;

/// <summary>Argument and state checks that say what was expected.</summary>
internal static class Preconditions
{
    internal static T CheckNotNull<T>([NotNull] T? value, string paramName) where T : class =>
        value ?? throw new ArgumentNullException(paramName);

    internal static void CheckArgument([DoesNotReturnIf(false)] bool expectation, string paramName, string message)
    {
        if (!expectation)
        {
            throw new ArgumentException(message, paramName);
        }
    }

    internal static int CheckNonNegative(int value, string paramName) =>
        value >= 0 ? value : throw new ArgumentOutOfRangeException(paramName, value, "Value must not be negative.");
}
