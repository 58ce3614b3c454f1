using System.IO;
using System.Text;

namespace WelfareRules.Tests;

/// <summary>Runs the <c>welfare-rules</c> tool in process, capturing its streams.</summary>
internal static class CliRunner
{
    internal static (int Exit, string Stdout, string Stderr) Run(params string[] args) => RunWithInput("", args);

    internal static (int Exit, string Stdout, string Stderr) RunWithInput(string stdin, params string[] args)
    {
        using var output = new MemoryStream();
        using var error = new StringWriter();
        int exit = WelfareRules.Cli.Program.Run(args, new StringReader(stdin), output, error);
        return (exit, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }
}
