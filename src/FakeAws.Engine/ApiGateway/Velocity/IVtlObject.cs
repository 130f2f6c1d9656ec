namespace FakeAws.Engine.ApiGateway.Velocity;

/// <summary>A value the host gives templates, such as <c>$input</c> and <c>$util</c>: named properties and methods.</summary>
internal interface IVtlObject
{
    /// <summary>Reads <c>$object.name</c>; false when there is no such property.</summary>
    bool TryGetProperty(string name, out object? value);

    /// <summary>Calls <c>$object.name(arguments)</c>; false when there is no such method for these arguments.</summary>
    bool TryInvoke(string name, IReadOnlyList<object?> arguments, out object? result);
}
