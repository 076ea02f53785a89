// The engine: config, planning, reconcilers, execution and state. No reference to PowerShell.
