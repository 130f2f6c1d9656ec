using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace FakeAws.Engine.Lambda;

/// <summary>A deployment package (or layer archive) as Lambda checks it: size, zip format and unzipped size, and its SHA-256.</summary>
/// <param name="Sha256">The archive's SHA-256, base64-encoded.</param>
/// <param name="Size">The archive's size in bytes.</param>
/// <param name="UnzippedSize">The size of its files once extracted, which counts towards the 250 MB limit with the function's layers.</param>
/// <param name="Zip">The archive itself, which runtimes that run the function's own files extract; null for code bound in process.</param>
internal readonly record struct CodePackage(string Sha256, long Size, long UnzippedSize = 0, byte[]? Zip = null)
{
    /// <summary>
    /// Checks a .zip uploaded directly and keeps it: .NET functions run in-process code found by their
    /// Handler string, other runtimes extract the archive and run its files.
    /// </summary>
    /// <param name="zipFile">The archive, or null when the request names S3 or an image instead.</param>
    /// <param name="s3Bucket">The S3 bucket the request names, if any.</param>
    /// <param name="imageUri">The image the request names, if any.</param>
    public static CodePackage Read(byte[]? zipFile, string? s3Bucket, string? imageUri)
    {
        if (imageUri is not null)
        {
            ConfigurationRules.CheckPackageType("Image");
        }
        if (zipFile is null)
        {
            // FakeAws has no S3: a bucket it does not hold is what AWS reports for a bucket that does not exist.
            throw s3Bucket is not null
                ? LambdaErrors.InvalidParameter("Error occurred while GetObject. S3 Error Code: NoSuchBucket. S3 Error Message: The specified bucket does not exist")
                : LambdaErrors.InvalidParameter("Please provide a source for function code.");
        }
        if (zipFile.Length > LambdaLimits.ZippedCodeBytes)
        {
            throw LambdaErrors.ZippedTooLarge();
        }
        if (MeasureUnzipped(zipFile) is not { } unzipped)
        {
            throw LambdaErrors.InvalidParameter("Could not unzip uploaded file. Please check your file, then try to upload again.");
        }
        if (unzipped >= LambdaLimits.UnzippedCodeBytes)
        {
            throw LambdaErrors.InvalidParameter($"Unzipped size must be smaller than {LambdaLimits.UnzippedCodeBytes} bytes");
        }
        return new CodePackage(Hash(zipFile), zipFile.Length, unzipped, zipFile);
    }

    /// <summary>An archive's SHA-256 as Lambda shows it (<c>CodeSha256</c>): base64.</summary>
    public static string Hash(byte[] zipFile) => Convert.ToBase64String(SHA256.HashData(zipFile));

    /// <summary>The package of code bound in process: no archive, a hash of what the code is.</summary>
    public static CodePackage InProcess(string identity) =>
        new(Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(identity))), 0);

    /// <summary>The sum of the entries' sizes as the archive's directory declares them, or null when it is not a zip.</summary>
    private static long? MeasureUnzipped(byte[] zipFile)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(zipFile, writable: false), ZipArchiveMode.Read);
            return archive.Entries.Sum(e => e.Length);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
