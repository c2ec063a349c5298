using System.CommandLine;
using Anc.Diagnostics;

namespace Anc.Host.Commands;

/// <summary>The <c>anc-host</c> command line: its verbs, the options they share and the error policy.</summary>
internal static class AncHostCommand
{
    public static readonly Option<string[]> Plugins = new("--plugins")
    {
        Description = "Another plugin folder (a plugin folder or a folder of them); repeatable. The plugins next to the host are always loaded.",
        Recursive = true,
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public static int Invoke(string[] args)
    {
        RootCommand root = new("anc-host: train and evaluate adversarial neural cryptography experiments described by JSON manifests.")
        {
            RunCommand.Create(),
            ValidateCommand.Create(),
            BenchCommand.Create(),
            AttackCommand.Create(),
            ExportCommand.Create(),
            ProtectCommand.Create(),
            SweepCommand.Create(),
            ListCommand.Create(),
            RunsCommand.Create(),
            SchemaCommand.Create(),
            DoctorCommand.Create(),
        };
        root.Options.Add(Plugins);

        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (System.CommandLine.Parsing.ParseError error in parse.Errors)
            {
                System.Console.Error.WriteLine($"anc-host: {error.Message} (see anc-host --help)");
            }

            return ExitCodes.BadInput;
        }

        return parse.Invoke();
    }

    /// <summary>Runs a verb's body, turning bad input into one line per mistake and exit code 2.</summary>
    public static int Guard(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (AncInputException e)
        {
            foreach (InputDiagnostic diagnostic in e.Diagnostics)
            {
                System.Console.Error.WriteLine(diagnostic.ToString());
            }

            return ExitCodes.BadInput;
        }
        catch (Exception e)
        {
            // A fault of ours or of a plugin outside any seed: one line here, the whole trace in a file.
            string log = Path.Combine(Path.GetTempPath(), $"anc-host-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}.log");
            File.WriteAllText(log, e.ToString());
            System.Console.Error.WriteLine($"anc-host: {e.GetType().Name}: {e.Message.Split('\n', 2)[0].Trim()} (the trace is in {log})");
            return ExitCodes.Failed;
        }
    }
}
