using Trajectories.Cli;

using var cleanup = ShutdownCleanup.Install();
return CliApp.Run(args, CliContext.Console());
