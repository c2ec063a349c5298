using System.Buffers.Binary;

namespace Anc.Reports;

/// <summary>
/// Edits a TensorBoard event file: TFRecord framing (the record's length, the length's CRC, the
/// record, its CRC) around protobuf Event messages. Records are kept byte for byte, their CRCs
/// with them; a record cut short (a process killed while writing) ends the file.
/// </summary>
internal static class TensorBoardEventFile
{
    // The length (8 bytes) and its CRC (4) before a record, the record's CRC (4) after it.
    private const int Header = 12;
    private const int Footer = 4;

    /// <summary>
    /// Removes every scalar whose tag starts with <paramref name="tagPrefix"/> at step
    /// <paramref name="fromStep"/> or later; the file is rewritten whole, and only where that removes something.
    /// </summary>
    public static void Drop(string path, string tagPrefix, long fromStep)
    {
        byte[] file = File.ReadAllBytes(path);
        List<(int Start, int Length)> kept = [];
        bool dropped = false;
        int at = 0;
        while (at + Header <= file.Length)
        {
            long length = BinaryPrimitives.ReadInt64LittleEndian(file.AsSpan(at));
            if (length < 0 || at + Header + length + Footer > file.Length)
            {
                break;
            }

            Tensorboard.Event record = Tensorboard.Event.Parser.ParseFrom(file, at + Header, (int)length);
            int size = Header + (int)length + Footer;
            bool drop = record.Step >= fromStep && record.Summary is { } summary && summary.Value.Count > 0
                && summary.Value.All(v => v.Tag.StartsWith(tagPrefix, StringComparison.Ordinal));
            if (drop)
            {
                dropped = true;
            }
            else
            {
                kept.Add((at, size));
            }

            at += size;
        }

        if (!dropped && at == file.Length)
        {
            return;
        }

        string temporary = path + ".tmp";
        using (FileStream output = File.Create(temporary))
        {
            foreach ((int start, int size) in kept)
            {
                output.Write(file, start, size);
            }
        }

        File.Move(temporary, path, overwrite: true);
    }
}
