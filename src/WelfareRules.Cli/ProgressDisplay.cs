using System;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace WelfareRules.Cli;

/// <summary>
/// A progress bar on a terminal's standard error (Spectre.Console): the share of the input read, lines a second and
/// the time remaining. Nothing is drawn when standard error is redirected (a pipe, a file) or in tests.
/// </summary>
internal static class ProgressDisplay
{
    /// <summary>Runs <paramref name="work"/>, showing its progress through <paramref name="meter"/> when <paramref name="show"/> is true.</summary>
    /// <param name="show">Whether to draw: standard error is a terminal, and the run was not asked to be quiet.</param>
    /// <param name="meter">The input's meter (characters and lines read), or null for none.</param>
    /// <param name="size">The input's size in bytes, or 0 when unknown (standard input): then no share, no time remaining.</param>
    /// <param name="unit">What a line is (<c>persons</c>, <c>situations</c>).</param>
    /// <param name="work">The run.</param>
    internal static T Run<T>(bool show, IReadMeter? meter, long size, string unit, Func<T> work)
    {
        if (!show || meter is null)
        {
            return work();
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        var progress = new Progress(console)
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RateColumn(unit), new RemainingTimeColumn(), new ElapsedTimeColumn());
        return progress.Start(context =>
        {
            var task = context.AddTask(size > 0 ? "reading" : "reading standard input", maxValue: Math.Max(1, size));
            task.IsIndeterminate = size == 0;
            meter.OnRead = (characters, lines) =>
            {
                task.Value = Math.Min(characters, task.MaxValue);
                task.State.Update<long>("lines", _ => lines);
            };
            try
            {
                return work();
            }
            finally
            {
                meter.OnRead = null;
                task.Value = task.MaxValue;
                task.StopTask();
            }
        });
    }

    /// <summary>Lines read and lines a second.</summary>
    private sealed class RateColumn(string unit) : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
        {
            long lines = task.State.Get<long>("lines");
            double seconds = task.ElapsedTime?.TotalSeconds ?? 0;
            string rate = seconds > 0 ? string.Create(CultureInfo.InvariantCulture, $", {lines / seconds:#,0}/s") : "";
            return new Text(string.Create(CultureInfo.InvariantCulture, $"{lines:#,0} {unit}{rate}"));
        }
    }
}
