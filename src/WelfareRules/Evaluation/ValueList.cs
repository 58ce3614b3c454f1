using System;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace WelfareRules.Evaluation;

/// <summary>
/// A short list kept inline (on the stack) while one person-month is evaluated: the first
/// <see cref="InlineCapacity"/> items cost no allocation, more move to an array. Only
/// <see cref="ToImmutableArray"/> allocates, and only the exact result.
/// </summary>
/// <remarks>A mutable struct: pass it by <c>ref</c>, never by value.</remarks>
internal struct ValueList<T>
{
    internal const int InlineCapacity = 8;

    private InlineItems inline;
    private T[]? spilled;
    private int count;

    internal readonly int Count => count;

    internal readonly bool IsEmpty => count == 0;

    internal void Add(T item)
    {
        if (spilled is null && count < InlineCapacity)
        {
            inline[count++] = item;
            return;
        }

        if (spilled is null)
        {
            spilled = new T[InlineCapacity * 2];
            ((ReadOnlySpan<T>)inline).CopyTo(spilled);
        }
        else if (count == spilled.Length)
        {
            Array.Resize(ref spilled, count * 2);
        }

        spilled[count++] = item;
    }

    internal void AddRange(ReadOnlySpan<T> items)
    {
        foreach (var item in items)
        {
            Add(item);
        }
    }

    /// <summary>Replaces the item at <paramref name="index"/>.</summary>
    internal void Set(int index, T item)
    {
        if (spilled is null)
        {
            ((Span<T>)inline)[index] = item;
        }
        else
        {
            spilled[index] = item;
        }
    }

    /// <summary>The items added so far.</summary>
    [UnscopedRef]
    internal ReadOnlySpan<T> AsSpan() => spilled is null ? ((ReadOnlySpan<T>)inline)[..count] : spilled.AsSpan(0, count);

    /// <summary>The items as an immutable array of exactly their number (no allocation when empty).</summary>
    internal readonly ImmutableArray<T> ToImmutableArray()
    {
        if (count == 0)
        {
            return [];
        }

        var items = new T[count];
        if (spilled is null)
        {
            ((ReadOnlySpan<T>)inline)[..count].CopyTo(items);
        }
        else
        {
            spilled.AsSpan(0, count).CopyTo(items);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(items);
    }

    [InlineArray(InlineCapacity)]
    private struct InlineItems
    {
        private T item;
    }
}
