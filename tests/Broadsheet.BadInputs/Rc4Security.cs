using System.Security.Cryptography;

namespace Broadsheet.BadInputs;

/// <summary>
/// PDF's standard security handler, revision 2 (40-bit RC4, PDF 1.1): the oldest encryption a PDF can have and
/// enough to make a file that opens without a password but is encrypted (an owner password only), or one that
/// needs one. MD5 and RC4 here make test files, not secrets.
/// </summary>
internal sealed class Rc4Security
{
    public const string IdHex = "0123456789ABCDEF0123456789ABCDEF";

    private static readonly byte[] Padding = Convert.FromHexString("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A");
    private static readonly byte[] Id = Convert.FromHexString(IdHex);
    private const int Permissions = -44;

    private readonly byte[] _key;
    private readonly byte[] _owner;
    private readonly byte[] _user;

    public Rc4Security(string userPassword, string ownerPassword)
    {
#pragma warning disable CA5351 // The PDF format fixes MD5 and RC4 for this revision.
        var ownerKey = MD5.HashData(Pad(ownerPassword))[..5];
        _owner = Rc4(ownerKey, Pad(userPassword));
        _key = MD5.HashData([.. Pad(userPassword), .. _owner, .. BitConverter.GetBytes(Permissions), .. Id])[..5];
        _user = Rc4(_key, Padding);
    }

    public string Dictionary => $"<< /Filter /Standard /V 1 /R 2 /O <{Convert.ToHexString(_owner)}> /U <{Convert.ToHexString(_user)}> /P {Permissions} >>";

    public byte[] Encrypt(int objectNumber, byte[] data)
    {
        byte[] salt = [(byte)objectNumber, (byte)(objectNumber >> 8), (byte)(objectNumber >> 16), 0, 0];
        return Rc4(MD5.HashData([.. _key, .. salt])[..10], data);
#pragma warning restore CA5351
    }

    private static byte[] Pad(string password)
    {
        var bytes = System.Text.Encoding.Latin1.GetBytes(password);
        return [.. bytes.Take(32), .. Padding.Take(32 - Math.Min(32, bytes.Length))];
    }

    private static byte[] Rc4(byte[] key, byte[] data)
    {
        var s = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        for (int i = 0, j = 0; i < 256; i++)
        {
            j = (j + s[i] + key[i % key.Length]) & 255;
            (s[i], s[j]) = (s[j], s[i]);
        }

        var output = new byte[data.Length];
        for (int n = 0, i = 0, j = 0; n < data.Length; n++)
        {
            i = (i + 1) & 255;
            j = (j + s[i]) & 255;
            (s[i], s[j]) = (s[j], s[i]);
            output[n] = (byte)(data[n] ^ s[(s[i] + s[j]) & 255]);
        }

        return output;
    }
}
