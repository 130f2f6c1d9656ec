using System.Reflection;
using System.Text;

namespace FakeAws;

/// <summary>
/// The state of every service of a cloud at one moment (<see cref="FakeAwsCloud.Snapshot"/>): DynamoDB's
/// tables, items, indexes, streams, Time to Live, point-in-time history and backups; Lambda's functions,
/// versions, aliases and event source mappings; Step Functions' state machines, executions and
/// activities; Cognito's user and identity pools, users and clients; API Gateway's REST and HTTP APIs; DAX
/// clusters. A snapshot is a copy: it never changes, and restoring it (<see cref="FakeAwsCloud.Restore"/>),
/// into the same cloud or another, any number of times, gives each cloud its own objects.
/// </summary>
/// <remarks>
/// Functions' in-process handlers are the test's code, not the cloud's state: an in-memory snapshot
/// shares them, so a restored handler still closes over the test's own objects. <see cref="Save"/> writes
/// them as their method and captured values, so a saved snapshot loads in another process of the same build.
/// </remarks>
public sealed class CloudSnapshot
{
    /// <summary>The version of the format <see cref="Save"/> writes and <see cref="Load"/> reads.</summary>
    public const int FormatVersion = 1;

    private static readonly byte[] Magic = "FAKEAWS-SNAPSHOT"u8.ToArray();

    private readonly IReadOnlyList<object>? _shared;
    private readonly IReadOnlyDictionary<object, string>? _sharedEnvironment;
    private readonly byte[]? _savedShared;

    internal CloudSnapshot(byte[] state, IReadOnlyList<object> shared, IReadOnlyDictionary<object, string> environment, DateTimeOffset takenAt)
    {
        State = state;
        _shared = shared;
        _sharedEnvironment = environment;
        TakenAt = takenAt;
    }

    private CloudSnapshot(byte[] state, byte[] savedShared, DateTimeOffset takenAt)
    {
        State = state;
        _savedShared = savedShared;
        TakenAt = takenAt;
    }

    /// <summary>The cloud's virtual time when the snapshot was taken.</summary>
    public DateTimeOffset TakenAt { get; }

    /// <summary>How many bytes the services' state takes in the snapshot.</summary>
    public long SizeBytes => State.Length;

    /// <summary>The services' state in the snapshot format.</summary>
    internal byte[] State { get; }

    /// <summary>The test's objects (handlers and what they close over) the state refers to, for a cloud with these own objects.</summary>
    internal IReadOnlyList<object> SharedFor(IReadOnlyDictionary<string, object> environment)
    {
        if (_shared is not null)
        {
            return _shared;
        }
        using var reader = new BinaryReader(new MemoryStream(_savedShared!), Encoding.UTF8);
        var codec = new Snapshots.StateReader(reader, environment, []);
        var shared = new object[reader.ReadInt32()];
        for (var i = 0; i < shared.Length; i++)
        {
            shared[i] = codec.Read()!;
        }
        return shared;
    }

    /// <summary>Writes the snapshot to <paramref name="stream"/> in the versioned snapshot format.</summary>
    /// <exception cref="NotSupportedException">A function's handler captured something that cannot be written, such as an open file.</exception>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(typeof(CloudSnapshot).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "");
        writer.Write(TakenAt.UtcTicks);
        var shared = _savedShared ?? WriteShared();
        writer.Write(shared.Length);
        writer.Write(shared);
        writer.Write(State.Length);
        writer.Write(State);
    }

    private byte[] WriteShared()
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            var codec = new Snapshots.StateWriter(writer, _sharedEnvironment!, shared: null);
            writer.Write(_shared!.Count);
            for (var i = 0; i < _shared.Count; i++)
            {
                codec.Write(_shared[i], "handler");
            }
        }
        return buffer.ToArray();
    }

    /// <summary>Reads a snapshot <see cref="Save"/> wrote, by this version of FakeAws or one with the same format.</summary>
    /// <exception cref="InvalidDataException">The stream is not a FakeAws snapshot, or one of another format version.</exception>
    public static CloudSnapshot Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
            {
                throw new InvalidDataException("This is not a FakeAws snapshot: it does not start with FAKEAWS-SNAPSHOT.");
            }
            var version = reader.ReadInt32();
            var writtenBy = reader.ReadString();
            if (version != FormatVersion)
            {
                throw new InvalidDataException($"This snapshot has format version {version} (written by FakeAws {writtenBy}); this FakeAws reads version {FormatVersion}.");
            }
            var takenAt = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            var shared = reader.ReadBytes(reader.ReadInt32());
            var state = reader.ReadBytes(reader.ReadInt32());
            return new CloudSnapshot(state, shared, takenAt);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("The FakeAws snapshot ends too soon: it was cut off.", e);
        }
    }
}
