using System.CommandLine;
using Anc.Host.Console;
using Anc.Manifests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Newtonsoft.Json;

namespace Anc.Host.Commands;

/// <summary><c>anc-host schema</c>: the JSON Schema of manifests for the loaded plugins, for editors.</summary>
internal static class SchemaCommand
{
    public static Command Create()
    {
        Command command = new("schema", "Print the JSON Schema of manifests, with every loaded plugin's component options (save it and point a manifest's $schema at it).");
        command.SetAction(parse => AncHostCommand.Guard(() =>
        {
            using IHost host = AncHostBuilder.Build(parse, ProgressMode.None);
            AncHostBuilder.WarnAboutRefusedPlugins(host);
            System.Console.WriteLine(host.Services.GetRequiredService<ManifestSchema>().Generate().ToString(Formatting.Indented));
            return ExitCodes.Success;
        }));
        return command;
    }
}
