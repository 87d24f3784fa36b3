using System.Text;
using Levity.Silo.Security;

namespace Levity.Tests.Security;

public sealed class ChargerPasswordTests
{
    [Fact]
    public void Hash_IsSaltedPbkdf2_AndVerifiesOnlyTheSameBytes()
    {
        byte[] password = [0x00, 0xFF, 0x3A, 0x10, 0x20, 0x30, 0x40, 0x50, 0x60, 0x70, 0x80, 0x90, 0xA0, 0xB0, 0xC0, 0xD0];

        var first = ChargerPassword.Hash(password);
        var second = ChargerPassword.Hash(password);

        Assert.StartsWith($"pbkdf2-sha256${ChargerPassword.Iterations}$", first, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
        Assert.True(ChargerPassword.Verify(password, first));
        Assert.True(ChargerPassword.Verify(password, second));
        var other = password.ToArray();
        other[0] = 1;
        Assert.False(ChargerPassword.Verify(other, first));
        Assert.False(ChargerPassword.Verify(password, null));
        Assert.False(ChargerPassword.Verify(password, "plain-text"));
    }

    [Fact]
    public void Generate_PrintableWithinTheWhitepaperLength()
    {
        var generated = ChargerPassword.Generate();

        Assert.InRange(Encoding.UTF8.GetByteCount(generated), ChargerPassword.MinBytes, ChargerPassword.MaxBytes);
        Assert.All(generated, c => Assert.True(char.IsAsciiLetterOrDigit(c)));
        Assert.NotEqual(generated, ChargerPassword.Generate());
    }

    [Fact]
    public void BasicCredentials_PasswordAfterFirstColon_KeptAsBytes()
    {
        var header = "Basic " + Convert.ToBase64String([.. "CP1:"u8, 0x3A, 0xFF, 0x00, .. "a:b"u8]);

        Assert.True(BasicCredentials.TryParse(header, out var credentials));
        Assert.Equal("CP1", credentials!.Username);
        Assert.Equal([0x3A, 0xFF, 0x00, (byte)'a', (byte)':', (byte)'b'], credentials.Password);
        Assert.False(BasicCredentials.TryParse("Bearer abc", out _));
        Assert.False(BasicCredentials.TryParse("Basic !!!", out _));
        Assert.False(BasicCredentials.TryParse("Basic " + Convert.ToBase64String("no-colon"u8), out _));
    }
}
