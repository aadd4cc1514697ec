// The Bicep compiler package used here is the linux-x64 one, and the image checks ask dpkg.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
