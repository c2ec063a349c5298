using System.Buffers.Binary;

namespace Anc.Testing;

/// <summary>
/// Reads a TensorBoard event file back: TFRecord framing (length, its CRC, the record, its CRC)
/// around Event messages, decoded with the protobuf classes TorchSharp ships.
/// </summary>
internal static class TensorBoardEvents
{
    public static IEnumerable<(string Tag, long Step, float Value)> Scalars(string path)
    {
        byte[] file = File.ReadAllBytes(path);
        int at = 0;
        while (at < file.Length)
        {
            long length = BinaryPrimitives.ReadInt64LittleEndian(file.AsSpan(at));
            at += 8 + 4;
            Tensorboard.Event record = Tensorboard.Event.Parser.ParseFrom(file, at, (int)length);
            at += (int)length + 4;
            if (record.Summary is null)
            {
                continue;
            }

            foreach (Tensorboard.Summary.Types.Value value in record.Summary.Value)
            {
                yield return (value.Tag, record.Step, value.SimpleValue);
            }
        }
    }
}
