using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Anc.PluginHosting;

/// <summary>
/// Whether a plugin assembly can run against this host's Anc.Abstractions. The answer comes
/// from the assembly's own reference, read from its metadata without loading it: loading an
/// incompatible plugin would fail later and less clearly, with a missing type or method.
/// </summary>
internal static class AbstractionsCompatibility
{
    private const string Contract = "Anc.Abstractions";

    /// <summary>The Anc.Abstractions version this host was built with.</summary>
    public static Version HostVersion { get; } = typeof(IAncPlugin).Assembly.GetName().Version!;

    /// <summary>The Anc.Abstractions version the assembly at <paramref name="assemblyPath"/> references, or none.</summary>
    /// <exception cref="BadImageFormatException">The file is not a .NET assembly.</exception>
    public static Version? ReferencedVersion(string assemblyPath)
    {
        using FileStream stream = File.OpenRead(assemblyPath);
        using PEReader image = new(stream);
        if (!image.HasMetadata)
        {
            throw new BadImageFormatException("The file has no .NET metadata; it is not a .NET assembly.");
        }

        MetadataReader metadata = image.GetMetadataReader();
        foreach (AssemblyReferenceHandle handle in metadata.AssemblyReferences)
        {
            AssemblyReference reference = metadata.GetAssemblyReference(handle);
            if (metadata.StringComparer.Equals(reference.Name, Contract))
            {
                return reference.Version;
            }
        }

        return null;
    }

    /// <summary>
    /// Why plugin <paramref name="name"/> in <paramref name="folder"/>, which references
    /// <paramref name="referenced"/>, cannot run on a host with <paramref name="host"/>; or
    /// <see langword="null"/> when it can. Versions with the same major number are compatible.
    /// </summary>
    public static string? Refusal(string name, string folder, Version? referenced, Version host) => referenced switch
    {
        null => $"plugin '{name}' ({folder}) does not reference {Contract}, so it cannot be an ANC plugin; " +
                $"build it against {Contract} {host} with one public class implementing {typeof(IAncPlugin).FullName}.",
        _ when referenced.Major != host.Major =>
            $"plugin '{name}' ({folder}) was built against {Contract} {referenced} but this host has {host}; rebuild it against {Contract} {host}.",
        _ => null,
    };
}
