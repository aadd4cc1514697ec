using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Workflow.Api.Tests")]
