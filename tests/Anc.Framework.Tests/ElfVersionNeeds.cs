using System.Buffers.Binary;
using System.Text;

namespace Anc.Framework.Tests;

/// <summary>
/// Reads the version needs (.gnu.version_r) of a 64-bit little-endian ELF file: what
/// <c>readelf -V</c> shows, without needing binutils on the test machine.
/// </summary>
internal static class ElfVersionNeeds
{
    public const ushort Weak = 2;

    public static IReadOnlyDictionary<string, ushort> Read(string path)
    {
        byte[] elf = File.ReadAllBytes(path);
        ReadOnlySpan<byte> span = elf;
        long sections = (long)BinaryPrimitives.ReadUInt64LittleEndian(span[0x28..]);
        int size = BinaryPrimitives.ReadUInt16LittleEndian(span[0x3A..]);
        int count = BinaryPrimitives.ReadUInt16LittleEndian(span[0x3C..]);
        Dictionary<string, ushort> needs = [];
        for (int i = 0; i < count; i++)
        {
            ReadOnlySpan<byte> header = span[(int)(sections + (i * size))..];
            if (BinaryPrimitives.ReadUInt32LittleEndian(header[4..]) != 0x6ffffffe)
            {
                continue;
            }

            int offset = (int)BinaryPrimitives.ReadUInt64LittleEndian(header[0x18..]);
            int link = (int)BinaryPrimitives.ReadUInt32LittleEndian(header[0x28..]);
            int entries = (int)BinaryPrimitives.ReadUInt32LittleEndian(header[0x2C..]);
            int strings = (int)BinaryPrimitives.ReadUInt64LittleEndian(span[(int)(sections + (link * size) + 0x18)..]);
            for (int n = 0; n < entries; n++)
            {
                int auxiliaries = BinaryPrimitives.ReadUInt16LittleEndian(span[(offset + 2)..]);
                int aux = offset + (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(offset + 8)..]);
                for (int a = 0; a < auxiliaries; a++)
                {
                    int name = strings + (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(aux + 8)..]);
                    int end = span[name..].IndexOf((byte)0);
                    needs[Encoding.ASCII.GetString(span.Slice(name, end))] = BinaryPrimitives.ReadUInt16LittleEndian(span[(aux + 4)..]);
                    aux += (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(aux + 12)..]);
                }

                offset += (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(offset + 12)..]);
            }
        }

        return needs;
    }
}
