using Levity.Silo.Cli;

return await LevityCli.InvokeAsync(args);
