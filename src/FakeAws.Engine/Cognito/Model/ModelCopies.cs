namespace FakeAws.Engine.Cognito.Model;

// Shallow copies of stored descriptions, so a response never shares a list or object that a later
// request changes.
internal sealed partial class UserPoolType
{
    public UserPoolType Clone() => (UserPoolType)MemberwiseClone();
}

internal sealed partial class UserPoolClientType
{
    public UserPoolClientType Clone() => (UserPoolClientType)MemberwiseClone();
}

internal sealed partial class GroupType
{
    public GroupType Clone() => (GroupType)MemberwiseClone();
}
