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

internal sealed partial class UserImportJobType
{
    /// <summary>A snapshot to answer with, so a job that moves on does not change a response already given.</summary>
    public UserImportJobType Clone() => (UserImportJobType)MemberwiseClone();
}

internal sealed partial class TermsType
{
    /// <summary>A copy to answer with; UpdateTerms replaces the links map rather than changing it, so sharing it is safe.</summary>
    public TermsType Clone() => (TermsType)MemberwiseClone();
}

internal sealed partial class AuthEventType
{
    /// <summary>A copy to answer with; feedback and challenge responses are replaced, never changed in place.</summary>
    public AuthEventType Clone() => (AuthEventType)MemberwiseClone();
}
