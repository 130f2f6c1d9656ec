using FakeAws.Engine.DynamoDb.Model;

namespace FakeAws.Engine.DynamoDb.Expressions;

/// <summary>The legacy AttributeUpdates (PUT, ADD, DELETE on top-level attributes) as an <see cref="UpdatePlan"/>.</summary>
internal static class LegacyUpdates
{
    /// <summary>Checks each update with AWS's messages and converts them, in request order.</summary>
    public static UpdatePlan Compile(IReadOnlyDictionary<string, AttributeValueUpdate> updates)
    {
        var actions = new List<UpdateAction>(updates.Count);
        foreach (var (name, update) in updates)
        {
            var path = DocumentPath.TopLevel(name);
            var value = update.Value;
            switch (update.Action ?? "PUT")
            {
                case "DELETE":
                    if (value is not null && !value.IsSet)
                    {
                        throw Invalid($"DELETE action with value is not supported for the type {value.Type}");
                    }
                    actions.Add(value is null
                        ? new UpdateAction(UpdateActionKind.Remove, path)
                        : new UpdateAction(UpdateActionKind.LegacyDelete, path, Operand: value));
                    break;
                case "ADD":
                    if (value is null)
                    {
                        throw OnlyDeleteWithoutValue();
                    }
                    if (!value.IsSet && value.Type is not (AttributeType.N or AttributeType.L))
                    {
                        throw Invalid($"ADD action is not supported for the type {value.Type}");
                    }
                    actions.Add(new UpdateAction(UpdateActionKind.LegacyAdd, path, Operand: value));
                    break;
                default:
                    if (value is null)
                    {
                        throw OnlyDeleteWithoutValue();
                    }
                    actions.Add(new UpdateAction(UpdateActionKind.Set, path, Value: new ConstantValue(value)));
                    break;
            }
        }
        return new UpdatePlan(actions, actions.Select(a => a.Path).ToList());
    }

    private static Exception OnlyDeleteWithoutValue() =>
        Invalid("Only DELETE action is allowed when no attribute value is specified");

    private static Exception Invalid(string message) =>
        DynamoDbErrors.Validation($"One or more parameter values were invalid: {message}");
}
