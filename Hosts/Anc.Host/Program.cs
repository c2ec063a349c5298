using Anc.Host.Commands;
using Anc.Training.Processes;

// A parallel run's seeds train in processes of this program, started with SeedProcess's command line.
return SeedProcess.Run(args, typeof(AncHostCommand).Assembly) ?? AncHostCommand.Invoke(args);
