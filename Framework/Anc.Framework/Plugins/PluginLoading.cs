using System.Reflection;
using Anc.Components;
using Anc.Diagnostics;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TorchSharp;

namespace Anc.Plugins;

/// <summary>
/// Finds plugin folders and loads each plugin into its own load context with
/// McMaster.NETCore.Plugins. The contract, TorchSharp and the Microsoft.Extensions
/// abstractions are shared with the host, so a plugin's types meet the host's. Contexts are
/// never unloaded: TorchSharp keeps process-wide native state.
/// </summary>
internal static class PluginLoading
{
    private static readonly Type[] SharedTypes =
    [
        typeof(IAncPlugin),
        typeof(torch),
        typeof(IServiceCollection),
        typeof(ILogger),
    ];

    /// <summary>
    /// Loads every plugin found in <paramref name="folders"/> and registers its services into
    /// <paramref name="services"/>. A folder is either a plugin folder (it holds
    /// <c>&lt;folder name&gt;.dll</c>) or a folder of plugin folders.
    /// </summary>
    /// <exception cref="AncInputException">A folder is missing or holds no plugin, or a plugin cannot be loaded.</exception>
    public static List<LoadedPlugin> Load(IEnumerable<PluginFolder> folders, IEnumerable<IAncPlugin> inProcess, IServiceCollection services)
    {
        List<LoadedPlugin> loaded = [];
        List<InputDiagnostic> errors = [];
        HashSet<string> seen = new(StringComparer.Ordinal);
        foreach (PluginFolder folder in folders)
        {
            foreach (string assembly in FindPluginAssemblies(folder, errors))
            {
                if (seen.Add(assembly))
                {
                    LoadedPlugin? plugin = LoadFromFile(assembly, services, errors);
                    if (plugin is not null)
                    {
                        loaded.Add(plugin);
                    }
                }
            }
        }

        foreach (IAncPlugin plugin in inProcess)
        {
            Assembly assembly = plugin.GetType().Assembly;
            loaded.Add(Register(plugin, assembly, "(in process)", services));
        }

        if (errors.Count > 0)
        {
            throw new AncInputException(errors);
        }

        return loaded;
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

    private static LoadedPlugin? LoadFromFile(string assemblyPath, IServiceCollection services, List<InputDiagnostic> errors)
    {
        string name = Path.GetFileNameWithoutExtension(assemblyPath);
        string folder = Path.GetDirectoryName(assemblyPath)!;
        try
        {
            PluginLoader loader = PluginLoader.CreateFromAssemblyFile(assemblyPath, SharedTypes, config => config.PreferSharedTypes = true);
            Assembly assembly = loader.LoadDefaultAssembly();
            List<Type> entries = assembly.GetExportedTypes()
                .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IAncPlugin).IsAssignableFrom(t))
                .ToList();
            if (entries.Count != 1)
            {
                errors.Add(InputDiagnostic.General(
                    $"plugin '{name}' ({folder}) must have exactly one public class implementing {typeof(IAncPlugin).FullName}, found {entries.Count}; " +
                    $"check that it references the same Anc.Abstractions as the host."));
                return null;
            }

            IAncPlugin entry = (IAncPlugin)Activator.CreateInstance(entries[0])!;
            return Register(entry, assembly, folder, services);
        }
        catch (Exception e) when (e is not AncInputException)
        {
            Exception cause = e is TargetInvocationException { InnerException: not null } ? e.InnerException : e;
            errors.Add(InputDiagnostic.General($"plugin '{name}' ({folder}) could not be loaded: {cause.GetType().Name}: {FirstLine(cause.Message)}"));
            return null;
        }
    }

    private static LoadedPlugin Register(IAncPlugin plugin, Assembly assembly, string folder, IServiceCollection services)
    {
        string name = assembly.GetName().Name ?? plugin.GetType().Name;
        ServiceCollection own = [];
        try
        {
            plugin.ConfigureServices(own);
        }
        catch (Exception e)
        {
            throw new AncInputException($"plugin '{name}' ({folder}) failed in ConfigureServices: {e.GetType().Name}: {FirstLine(e.Message)}");
        }

        foreach (ServiceDescriptor service in own)
        {
            services.Add(service);
        }

        List<ComponentDescriptor> components = own
            .Where(s => s.ServiceType == typeof(ComponentDescriptor) && s.ImplementationInstance is ComponentDescriptor)
            .Select(s => (ComponentDescriptor)s.ImplementationInstance!)
            .ToList();
        string version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "unknown";
        return new LoadedPlugin(name, version.Split('+')[0], folder, components);
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
