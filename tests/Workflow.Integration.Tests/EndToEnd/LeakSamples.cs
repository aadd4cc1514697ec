namespace Workflow.Integration.Tests.EndToEnd;

/// <summary>
/// A transcript full of identifiers of every kind the issue names, the study list that covers some of
/// them, and every identifier with the other forms it could be stored in. The unlisted names and places
/// are ones the names engine finds in context (gazetteer names after "my sister", "in", "Dr").
/// </summary>
internal static class LeakSamples
{
    public static readonly object[] StudyList =
    [
        new { text = "Marguerite Olawale", kind = "Person", aliases = new[] { "Maggie", "Olawale" } },
        new { text = "Zoë O'Rourke", kind = "Person", aliases = new[] { "Zoe O'Rourke" } },
        new { text = "Brackenhurst Recovery Hub", kind = "Organization", aliases = new[] { "Brackenhurst" } },
        new { text = "Pendleford", kind = "Location", aliases = Array.Empty<string>() },
        new { text = "Larkspur Close", kind = "Address", aliases = Array.Empty<string>() },
    ];

    public const string Transcript = """
        Interviewer: Thanks for coming in. Can you tell me how you first came to the service?

        Participant: My keyworker is Marguerite Olawale, everyone calls her Maggie, she works at the Brackenhurst Recovery Hub. I first met her when I was living in Pendleford, before I moved. Before that my GP was Dr Treharne and he sent me along because I was using every day and nobody listened.

        Interviewer: And who else has supported you?

        Participant: My sister Bethany Rowlinson helps with the kids. Her husband Callum drives me to appointments sometimes. Last spring I stayed with my cousin in Wolverhampton for a bit, near Birmingham, and I was drinking a lot then.

        Callum Rowlinson: Sorry, can I just say, she was brilliant with us when things were bad.

        Interviewer: How do people get in touch with you?

        Participant: They ring me on 07700 900183 or email me at zoe.o'rourke+recovery@examplemail.co.uk and that works fine. My NHS number is 943 476 5919, they made me learn it. I live at 14 Larkspur Close now, postcode WV10 6QP. My date of birth is 12/03/1978, I was born on 12 March 1978 so I'm in my forties.

        Interviewer: Have you been asked for your views about the service?

        Participant: Not really, no. I filled in a questionnaire once. Nobody told me I could have a say, I thought you just did what the doctor said and kept your head down. The user group is good though, Zoë O'Rourke runs it and she listens to us.
        """;

    /// <summary>WebVTT with a bad timestamp: ingest fails, and the reason must not quote the cue.</summary>
    public const string BrokenWebVtt = """
        WEBVTT

        00:00:01.000 --> 00:00:04.000
        <v Participant>Bethany Rowlinson rang me on 07700 900183 from Pendleford.

        00:00:05.000 --> 00:oops
        <v Participant>Marguerite Olawale at the Brackenhurst Recovery Hub, NHS number 943 476 5919.
        """;

    /// <summary>Each identifier, and the other spellings a store might hold it in (digits only, the detectors' normalised keys).</summary>
    public static readonly (string Identifier, IEnumerable<string> Forms)[] Identifiers =
    [
        ("Marguerite Olawale", []), ("Marguerite", []), ("Olawale", []), ("Maggie", []),
        ("Zoë O'Rourke", ["Zoe O'Rourke", "Zoë O’Rourke"]), ("O'Rourke", ["O’Rourke", "orourke"]), ("Zoë", ["Zoe"]),
        ("Brackenhurst Recovery Hub", []), ("Brackenhurst", []),
        ("Pendleford", []), ("Wolverhampton", []), ("Birmingham", []),
        ("Dr Treharne", []), ("Treharne", []),
        ("Bethany Rowlinson", []), ("Bethany", []), ("Rowlinson", []), ("Callum", []),
        ("07700 900183", ["07700900183", "+447700900183", "7700900183"]),
        ("zoe.o'rourke+recovery@examplemail.co.uk", ["examplemail.co.uk"]),
        ("943 476 5919", ["9434765919", "943-476-5919"]),
        ("14 Larkspur Close", []), ("Larkspur Close", ["Larkspur"]),
        ("WV10 6QP", ["WV106QP"]),
        ("12/03/1978", ["1978-03-12", "12-03-1978"]), ("12 March 1978", []),
    ];
}
