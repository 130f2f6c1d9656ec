using FakeAws.Engine.Cognito.Model;

namespace FakeAws.Engine.Cognito;

/// <summary>One group of a pool, as GetGroup shows it.</summary>
internal sealed class Group(GroupType description)
{
    public GroupType Description { get; set; } = description;

    public string Name => Description.GroupName!;
}
