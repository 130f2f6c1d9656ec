using System.Text.Json;
using FakeAws.Engine.ApiGateway.Auth;

namespace FakeAws.Engine.Tests.ApiGateway;

public class ClaimStringsTests
{
    private static JsonElement Claims(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Test]
    public void ForCognitoAuthorizer_JavaDatesNumbersBooleansArraysObjects()
    {
        var claims = ClaimStrings.ForCognitoAuthorizer(Claims("""
            {"exp":1619297266,"iat":1619293666,"auth_time":1619293666,"email_verified":true,"cognito:groups":["a","b"],
             "identities":[{"userId":"1","issuer":null}],"nothing":null,"sub":"s"}
            """));

        Assert.Multiple(() =>
        {
            Assert.That(claims["exp"], Is.EqualTo("Sat Apr 24 20:47:46 UTC 2021"));
            Assert.That(claims["iat"], Is.EqualTo("Sat Apr 24 19:47:46 UTC 2021"));
            Assert.That(claims["auth_time"], Is.EqualTo("1619293666"));
            Assert.That(claims["email_verified"], Is.EqualTo("true"));
            Assert.That(claims["cognito:groups"], Is.EqualTo("a,b"));
            Assert.That(claims["identities"], Is.EqualTo("""{"userId":"1","issuer":null}"""));
            Assert.That(claims.ContainsKey("nothing"), Is.False);
            Assert.That(claims["sub"], Is.EqualTo("s"));
        });
    }

    [Test]
    public void ForJwtAuthorizer_ArraysAndMapsAsGoPrintsThem()
    {
        var claims = ClaimStrings.ForJwtAuthorizer(Claims("""{"groups":["a","b"],"exp":1700000000,"ok":false,"addr":{"zip":"1","city":"x"},"nested":[[1,2],"c"]}"""));

        Assert.Multiple(() =>
        {
            Assert.That(claims["groups"], Is.EqualTo("[a b]"));
            Assert.That(claims["exp"], Is.EqualTo("1700000000"));
            Assert.That(claims["ok"], Is.EqualTo("false"));
            Assert.That(claims["addr"], Is.EqualTo("map[city:x zip:1]"));
            Assert.That(claims["nested"], Is.EqualTo("[[1 2] c]"));
        });
    }
}
