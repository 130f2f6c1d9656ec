using FakeAws.Engine.StepFunctions.Json;

namespace FakeAws.Engine.StepFunctions.Asl;

/// <summary>
/// A path field that may be absent (the default, <c>$</c>), null (a deliberate "nothing"), or a path:
/// InputPath, OutputPath and ResultPath treat the three differently.
/// </summary>
internal readonly record struct OptionalPath(bool IsNull, JsonPath? Path)
{
    /// <summary>The field is absent: the whole value.</summary>
    public static readonly OptionalPath Default = new(false, null);

    /// <summary>The field is JSON null.</summary>
    public static readonly OptionalPath Null = new(true, null);

    /// <summary>True when the field selects the whole value (absent or <c>$</c>).</summary>
    public bool IsWhole => !IsNull && (Path is null || (Path.Root == JsonPathRoot.Data && Path.IsRoot));
}
