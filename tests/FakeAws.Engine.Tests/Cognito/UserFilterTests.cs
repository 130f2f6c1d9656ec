using FakeAws.Engine.Cognito;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.Tests.Cognito;

public class UserFilterTests
{
    private static PoolUser User(string name, string email)
    {
        var user = new PoolUser { Username = name, Sub = "s" };
        user.Attributes["email"] = email;
        return user;
    }

    [TestCase("email = \"a@x.com\"", true)]
    [TestCase("email=\"a@x.com\"", true)]
    [TestCase("email ^= \"a@\"", true)]
    [TestCase("username ^= \"bo\"", true)]
    [TestCase("email = \"b@x.com\"", false)]
    [TestCase("status = \"Enabled\"", true)]
    public void Matches_AwsSyntax(string filter, bool expected) =>
        Assert.That(UserFilter.Parse(filter)!.Matches(User("bob", "a@x.com")), Is.EqualTo(expected));

    [TestCase("email == \"a\"", "Error while parsing filter")]
    [TestCase("email = a", "Error while parsing filter")]
    [TestCase("custom:tier = \"a\"", "Invalid search attribute: custom:tier")]
    public void Parse_Bad_InvalidParameter(string filter, string message)
    {
        var error = Assert.Throws<AwsServiceException>(() => UserFilter.Parse(filter))!;
        Assert.That((error.Code, error.Message), Is.EqualTo(("InvalidParameterException", message)));
    }
}
