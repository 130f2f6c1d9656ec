using FakeAws.Engine.StepFunctions.Asl;

namespace FakeAws.Engine.StepFunctions.Runtime;

/// <summary>
/// An execution attempt's top-level line: the run and program it belongs to and the frame that
/// knows its current state, input and variables. RedriveExecution resumes from it.
/// </summary>
internal sealed record RedrivePoint(ExecutionRun Run, AslProgram Program, Frame Frame);
