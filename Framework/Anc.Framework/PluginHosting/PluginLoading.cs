using System.Reflection;
using Anc.Components;
using Anc.Diagnostics;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TorchSharp;

namespace Anc.PluginHosting;

/// <summary>
/// Finds plugin folders and loads each plugin into its own load context with
/// McMaster.NETCore.Plugins. The contract, TorchSharp and the Microsoft.Extensions
/// abstractions are shared with the host, so a plugin's types meet the host's. Contexts are
/// never unloaded: TorchSharp keeps process-wide native state.
/// </summary>
/// <remarks>
/// One broken plugin must not take the others down: a plugin that cannot be loaded, was built
/// against an incompatible Anc.Abstractions or fails in <see cref="IAncPlugin.ConfigureServices"/>
/// is refused, recorded as a <see cref="PluginFault"/>, and none of its services are added.
/// </remarks>
internal static class PluginLoading
{
    private const string InProcess = "(in process)";

    private static readonly Type[] SharedTypes =
    [
        typeof(IAncPlugin),
        typeof(torch),
        typeof(IServiceCollection),
        typeof(ILogger),
    ];

    /// <summary>
    /// Loads every plugin found in <paramref name="folders"/>, then <paramref name="inProcess"/>,
    /// and registers their services into <paramref name="services"/>. A folder is either a plugin
    /// folder (it holds <c>&lt;folder name&gt;.dll</c>) or a folder of plugin folders.
    /// </summary>
    /// <exception cref="AncInputException">A folder the user named is missing or holds no plugin, or two plugins register one name.</exception>
    public static PluginCatalog Load(IEnumerable<PluginFolder> folders, IEnumerable<IAncPlugin> inProcess, IServiceCollection services)
    {
        List<LoadedPlugin> loaded = [];
        List<PluginFault> faults = [];
        List<InputDiagnostic> errors = [];
        HashSet<string> seen = new(StringComparer.Ordinal);
        foreach (PluginFolder folder in folders)
        {
            foreach (string assembly in FindPluginAssemblies(folder, errors))
            {
                if (seen.Add(assembly) && LoadFromFile(assembly, services, faults) is { } plugin)
                {
                    loaded.Add(plugin);
                }
            }
        }

        foreach (IAncPlugin plugin in inProcess)
        {
            Assembly assembly = plugin.GetType().Assembly;
            if (Register(plugin, assembly.GetName().Name ?? plugin.GetType().Name, VersionOf(assembly), InProcess, services, faults) is { } registered)
            {
                loaded.Add(registered);
            }
        }

        if (errors.Count > 0)
        {
            throw new AncInputException(errors);
        }

        return new PluginCatalog(loaded, faults);
    }

    /// <summary>The full paths of the plugin assemblies in <paramref name="folder"/>; messages name the folder as the user gave it.</summary>
    private static IEnumerable<string> FindPluginAssemblies(PluginFolder folder, List<InputDiagnostic> errors)
    {
        string path = folder.Path;
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        if (!Directory.Exists(full))
        {
            if (folder.Required)
            {
                errors.Add(InputDiagnostic.General($"plugin folder '{path}' does not exist; pass an existing folder to --plugins."));
            }

            return [];
        }

        string own = Path.Combine(full, Path.GetFileName(full) + ".dll");
        if (File.Exists(own))
        {
            return [own];
        }

        List<string> found = Directory.EnumerateDirectories(full)
            .Order(StringComparer.Ordinal)
            .Select(d => Path.Combine(d, Path.GetFileName(d) + ".dll"))
            .Where(File.Exists)
            .ToList();
        if (found.Count == 0 && folder.Required)
        {
            errors.Add(InputDiagnostic.General(
                $"plugin folder '{path}' holds no plugin: a plugin folder is named after its assembly and holds it (for example MyPlugin/MyPlugin.dll)."));
        }

        return found;
    }

    private static LoadedPlugin? LoadFromFile(string assemblyPath, IServiceCollection services, List<PluginFault> faults)
    {
        string name = Path.GetFileNameWithoutExtension(assemblyPath);
        string folder = Path.GetDirectoryName(assemblyPath)!;
        try
        {
            PluginMetadata metadata = PluginMetadata.Read(folder);
            name = metadata.Id ?? name;
            string? refusal = AbstractionsCompatibility.Refusal(
                name, folder, AbstractionsCompatibility.ReferencedVersion(assemblyPath), AbstractionsCompatibility.HostVersion);
            if (refusal is not null)
            {
                faults.Add(new PluginFault(name, folder, refusal));
                return null;
            }

            PluginLoader loader = PluginLoader.CreateFromAssemblyFile(assemblyPath, SharedTypes, config => config.PreferSharedTypes = true);
            Assembly assembly = loader.LoadDefaultAssembly();
            List<Type> entries = assembly.GetExportedTypes()
                .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IAncPlugin).IsAssignableFrom(t))
                .ToList();
            if (entries.Count != 1)
            {
                faults.Add(new PluginFault(name, folder,
                    $"{Describe(name, folder)} must have exactly one public class implementing {typeof(IAncPlugin).FullName}, found {entries.Count}; " +
                    $"give it one, or remove its folder."));
                return null;
            }

            IAncPlugin entry = (IAncPlugin)Activator.CreateInstance(entries[0])!;
            return Register(entry, name, metadata.Version ?? VersionOf(assembly), folder, services, faults);
        }
        catch (Exception e)
        {
            Exception cause = e is TargetInvocationException { InnerException: not null } ? e.InnerException : e;
            faults.Add(new PluginFault(name, folder,
                $"{Describe(name, folder)} could not be loaded: {cause.GetType().Name}: {Clause(cause.Message)}; rebuild it, or remove its folder."));
            return null;
        }
    }

    /// <summary>Lets the plugin register into a collection of its own first, so that a plugin that throws adds nothing.</summary>
    private static LoadedPlugin? Register(IAncPlugin plugin, string name, string version, string folder, IServiceCollection services, List<PluginFault> faults)
    {
        ServiceCollection own = [];
        try
        {
            plugin.ConfigureServices(own);
        }
        catch (Exception e)
        {
            faults.Add(new PluginFault(name, folder,
                $"{Describe(name, folder)} failed in ConfigureServices: {e.GetType().Name}: {Clause(e.Message)}; it was left out: fix the plugin, or remove it."));
            return null;
        }

        foreach (ServiceDescriptor service in own)
        {
            services.Add(service);
        }

        List<ComponentDescriptor> components = own
            .Where(s => s.ServiceType == typeof(ComponentDescriptor) && s.ImplementationInstance is ComponentDescriptor)
            .Select(s => (ComponentDescriptor)s.ImplementationInstance!)
            .ToList();
        return new LoadedPlugin(name, version, folder, components);
    }

    private static string Describe(string name, string folder) =>
        folder == InProcess ? $"plugin '{name}' {InProcess}" : $"plugin '{name}' ({folder})";

    /// <summary>An assembly's informational version without its source revision, as plugins and run environments show it.</summary>
    internal static string VersionOf(Assembly assembly) =>
        (assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "unknown").Split('+')[0];

    /// <summary>An exception message's first line, without its full stop, to sit inside a sentence.</summary>
    private static string Clause(string text) => text.Split('\n', 2)[0].Trim().TrimEnd('.');
}
