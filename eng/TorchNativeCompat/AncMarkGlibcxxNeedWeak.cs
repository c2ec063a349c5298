#nullable enable
using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Marks one GLIBCXX version need of ELF64 little-endian libraries as weak: always, or with
/// <see cref="OnlyWhereMissing"/> only when this system's libstdc++ does not provide that version. Writes through a temporary file and a rename so
/// that a hard link into a package cache is never modified in place.
/// </summary>
public sealed class AncMarkGlibcxxNeedWeak : Task
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlgWeak = 2;

    private static readonly string[] LibStdCxxCandidates =
    {
        "/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/usr/lib64/libstdc++.so.6",
        "/lib64/libstdc++.so.6",
        "/usr/lib/libstdc++.so.6",
    };

    [Required] public ITaskItem[] Libraries { get; set; } = Array.Empty<ITaskItem>();

    [Required] public string VersionName { get; set; } = "";

    /// <summary>Leave the libraries alone when this system provides the version (outputs that stay on this machine).</summary>
    public bool OnlyWhereMissing { get; set; } = true;

    public override bool Execute()
    {
        string? libstdcxx = Array.Find(LibStdCxxCandidates, File.Exists);
        if (OnlyWhereMissing && (libstdcxx is null || Contains(File.ReadAllBytes(libstdcxx), Encoding.ASCII.GetBytes(VersionName + "\0"))))
        {
            // This libstdc++ provides the version (or there is none to compare with): leave the library alone.
            return true;
        }

        foreach (ITaskItem item in Libraries)
        {
            string path = item.ItemSpec;
            if (!File.Exists(path))
            {
                continue;
            }

            byte[] image = File.ReadAllBytes(path);
            string? error = MarkWeak(image, VersionName, out bool changed);
            if (error is not null)
            {
                Log.LogError("ANC0001: cannot make {0} loadable on this system: {1}", path, error);
                return false;
            }

            if (changed)
            {
                string temporary = path + ".anc-tmp";
                File.WriteAllBytes(temporary, image);
                File.Replace(temporary, path, null);
                Log.LogMessage(MessageImportance.Normal, "Marked the {0} need of {1} weak ({2} lacks it).", VersionName, path, libstdcxx);
            }
        }

        return true;
    }

    private static string? MarkWeak(byte[] image, string versionName, out bool changed)
    {
        changed = false;
        if (image.Length < 64 || image[0] != 0x7f || image[1] != (byte)'E' || image[2] != (byte)'L' || image[3] != (byte)'F')
        {
            return "not an ELF file";
        }

        if (image[4] != 2 || image[5] != 1)
        {
            return "not a 64-bit little-endian ELF file";
        }

        long sectionTable = (long)ReadUInt64(image, 0x28);
        int sectionSize = ReadUInt16(image, 0x3A);
        int sectionCount = ReadUInt16(image, 0x3C);
        for (int i = 0; i < sectionCount; i++)
        {
            long header = sectionTable + (long)i * sectionSize;
            if (ReadUInt32(image, header + 4) != ShtGnuVerneed)
            {
                continue;
            }

            long verneed = (long)ReadUInt64(image, header + 0x18);
            uint stringSection = ReadUInt32(image, header + 0x28);
            uint needCount = ReadUInt32(image, header + 0x2C);
            long strings = (long)ReadUInt64(image, sectionTable + (long)stringSection * sectionSize + 0x18);

            long need = verneed;
            for (uint n = 0; n < needCount; n++)
            {
                int auxCount = ReadUInt16(image, need + 2);
                long aux = need + ReadUInt32(image, need + 8);
                for (int a = 0; a < auxCount; a++)
                {
                    string name = ReadString(image, strings + ReadUInt32(image, aux + 8));
                    if (name == versionName)
                    {
                        ushort flags = ReadUInt16(image, aux + 4);
                        if ((flags & VerFlgWeak) == 0)
                        {
                            flags |= VerFlgWeak;
                            image[aux + 4] = (byte)flags;
                            image[aux + 5] = (byte)(flags >> 8);
                            changed = true;
                        }
                    }

                    aux += ReadUInt32(image, aux + 12);
                }

                need += ReadUInt32(image, need + 12);
            }

            return null;
        }

        return "no GNU version-needs section";
    }

    private static bool Contains(byte[] haystack, byte[] needle)
    {
        for (int i = 0; i <= haystack.Length - needle.Length; i++)
        {
            int j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j])
            {
                j++;
            }

            if (j == needle.Length)
            {
                return true;
            }
        }

        return false;
    }

    private static ushort ReadUInt16(byte[] b, long o) => (ushort)(b[o] | b[o + 1] << 8);

    private static uint ReadUInt32(byte[] b, long o) => BitConverter.ToUInt32(b, (int)o);

    private static ulong ReadUInt64(byte[] b, long o) => BitConverter.ToUInt64(b, (int)o);

    private static string ReadString(byte[] b, long o)
    {
        int end = Array.IndexOf(b, (byte)0, (int)o);
        return Encoding.ASCII.GetString(b, (int)o, end - (int)o);
    }
}
