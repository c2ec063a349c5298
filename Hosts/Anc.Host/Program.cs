using Anc.Host.Commands;

return AncHostCommand.Invoke(args);
