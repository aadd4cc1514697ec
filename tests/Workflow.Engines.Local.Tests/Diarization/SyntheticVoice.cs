namespace Workflow.Engines.Local.Tests.Diarization;

/// <summary>An espeak-ng voice made distinct by its variant (<c>+m3</c>, <c>+f2</c>), pitch (<c>-p</c>, 0-99) and speed (<c>-s</c>, words per minute).</summary>
public sealed record SyntheticVoice(string Espeak, int Pitch, int Speed)
{
    public static readonly SyntheticVoice BritishMale = new("en-gb+m3", 40, 150);
    public static readonly SyntheticVoice AmericanFemale = new("en-us+f2", 60, 160);
    public static readonly SyntheticVoice ScottishMale = new("en-gb-scotland+m1", 30, 140);
    public static readonly SyntheticVoice BritishFemale = new("en+f4", 70, 170);
    public static readonly SyntheticVoice AmericanMale = new("en-us+m7", 50, 145);
    public static readonly SyntheticVoice CaribbeanFemale = new("en-029+f1", 55, 155);
    public static readonly SyntheticVoice ReceivedMale = new("en-gb-x-rp+m2", 25, 135);

    public string[] Arguments(string wavPath, string text) =>
        ["-v", Espeak, "-p", Pitch.ToString(System.Globalization.CultureInfo.InvariantCulture),
         "-s", Speed.ToString(System.Globalization.CultureInfo.InvariantCulture), "-w", wavPath, text];
}
