using System.CommandLine;
using Anc.Host.Console;
using Anc.Manifests;
using Microsoft.Extensions.Hosting;

namespace Anc.Host.Commands;

/// <summary><c>anc-host validate</c>: checks a manifest against the loaded plugins without training.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        Argument<string> manifest = new("manifest") { Description = "The manifest file (.json)." };
        Command command = new("validate", "Check a manifest without training: every mistake is reported with its line.")
        {
            manifest,
        };
        ManifestOverrideOptions overriding = new();
        overriding.AddTo(command);
        command.SetAction(parse => AncHostCommand.Guard(() =>
        {
            IReadOnlyList<ManifestOverride> overrides = overriding.From(parse);
            using IHost host = AncHostBuilder.Build(parse, ProgressMode.None);
            ResolvedManifest resolved = AncHostBuilder.ReadManifest(host, parse.GetValue(manifest)!, overrides);
            System.Console.WriteLine(
                $"{resolved.SourcePath}: valid: experiment '{resolved.Experiment}', scenario '{resolved.Scenario.Descriptor.Name}', " +
                (resolved.Data is null ? string.Empty : $"data '{resolved.Data.Descriptor.Name}', ") +
                $"parties {string.Join(", ", resolved.Parties.Select(p => p.Role.Name))}, {resolved.Seeds.Count} seed(s), " +
                $"batch {resolved.Training.BatchSize}, at most {resolved.Training.MaxSteps} steps, device {resolved.Device.ToString().ToLowerInvariant()}.");
            return ExitCodes.Success;
        }));
        return command;
    }
}
