using Trajectories.Cli;

return CliApp.Run(args, CliContext.Console());
