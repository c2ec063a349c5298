using System.CommandLine;
using Anc.Components;
using Anc.Host.Console;
using Anc.Hosting;
using Anc.PluginHosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Anc.Host.Commands;

/// <summary>
/// <c>anc-host list</c>: the loaded plugins, every component they contribute by kind, and the
/// refused plugins. Refusals are part of the listing, not a failure of it: it exits 0.
/// </summary>
internal static class ListCommand
{
    public static Command Create()
    {
        Command command = new("list", "Show the loaded plugins (id, version, folder), their components by kind, and the plugins that were refused.");
        command.SetAction(parse => AncHostCommand.Guard(() =>
        {
            using IHost host = AncHostBuilder.Build(parse, ProgressMode.None);
            PluginCatalog catalog = host.Services.GetRequiredService<PluginCatalog>();
            TextWriter output = System.Console.Out;
            output.WriteLine("Plugins:");
            if (catalog.Plugins.Count == 0)
            {
                output.WriteLine($"  (none; the built-in plugins belong in {AncOptions.ProgramPluginsFolder})");
            }

            foreach (LoadedPlugin plugin in catalog.Plugins)
            {
                output.WriteLine($"  {plugin.Name} {plugin.Version}  {plugin.Folder}");
            }

            foreach (ComponentKind kind in Enum.GetValues<ComponentKind>())
            {
                output.WriteLine();
                string kindName = PluginCatalog.KindName(kind);
                output.WriteLine($"{char.ToUpperInvariant(kindName[0])}{kindName[1..]} components:");
                var components = catalog.Plugins
                    .SelectMany(p => p.Components.Where(c => c.Kind == kind).Select(c => (Component: c, Plugin: p)))
                    .OrderBy(c => c.Component.Name, StringComparer.Ordinal)
                    .ToList();
                if (components.Count == 0)
                {
                    output.WriteLine("  (none)");
                }

                int width = components.Count == 0 ? 0 : components.Max(c => c.Component.Name.Length);
                foreach ((ComponentDescriptor component, LoadedPlugin plugin) in components)
                {
                    output.WriteLine($"  {component.Name.PadRight(Math.Max(width, 16))} {component.Description} [{plugin.Name}]");
                }
            }

            output.WriteLine();
            output.WriteLine("Refused plugins:");
            if (catalog.Faults.Count == 0)
            {
                output.WriteLine("  (none)");
            }

            foreach (PluginFault fault in catalog.Faults)
            {
                output.WriteLine($"  {fault.Message}");
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
